// A copy of a built extension under .tmp/ with bench-only files added: chrome.scripting.executeScript({ files })
// only takes files inside the extension's folder, and the real build output must stay exactly as built.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fromRoot } from '../repo-paths.ts';

export interface ExtensionCopy {
  dir: string;
  remove: () => void;
}

/** `extra` maps paths inside the extension (`content-scripts/x.js`) to their contents. */
export function copyExtension(buildDir: string, name: string, extra: Record<string, string>): ExtensionCopy {
  const dir = fromRoot('.tmp', 'bench', `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  cpSync(buildDir, dir, { recursive: true });
  for (const [path, contents] of Object.entries(extra)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
