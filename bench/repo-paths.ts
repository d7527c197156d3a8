// Paths from the repository root, whatever the working directory: `npm run bench` starts there, but a
// bench run by hand from bench/ should find the same things.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function fromRoot(...parts: string[]): string {
  return resolve(repoRoot, ...parts);
}
