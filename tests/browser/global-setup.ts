// Builds the extension the browser tests load (`--mode e2e`: see wxt.config.ts) once per run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './harness/chromium.ts';

export default function setup(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install Debian's chromium (see .ci/run) or set CHROMIUM_PATH.`,
    );
  }
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'inherit' });
}
