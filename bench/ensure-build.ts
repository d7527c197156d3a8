// Benches measure what `wxt build` produced. Building takes a few seconds, so an existing build is reused
// unless --rebuild asks otherwise; its age is reported because other work may have changed the sources since.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fromRoot, repoRoot } from './repo-paths.ts';

export interface BuildInfo {
  dir: string;
  builtNow: boolean;
  builtAt: Date;
}

export function ensureBuild(outputDir: string, wxtArgs: string[], rebuild: boolean): BuildInfo {
  const dir = fromRoot('.output', outputDir);
  const builtNow = rebuild || !existsSync(`${dir}/manifest.json`);
  if (builtNow) {
    console.error(`bench: building ${outputDir} (npx wxt build ${wxtArgs.join(' ')})…`);
    // The build's own log goes to stderr so that stdout stays the report.
    execFileSync('npx', ['wxt', 'build', ...wxtArgs], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
  }
  return { dir, builtNow, builtAt: statSync(`${dir}/manifest.json`).mtime };
}

export function describeBuild(build: BuildInfo): string {
  const when = build.builtAt.toISOString().replace('T', ' ').slice(0, 19);
  return build.builtNow
    ? `Built ${build.dir} for this run.`
    : `Reused ${build.dir}, built ${when} UTC (pass --rebuild if the sources changed since).`;
}
