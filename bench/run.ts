// `npm run bench [-- --only NAME] [--json FILE] [bench flags…]`: runs the registered benches in turn, prints
// each report, and writes them all as JSON when asked. Timings are reported, never asserted: the exit code
// says only whether every bench ran.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { flagValue, hasFlag } from './flags.ts';
import { formatReport } from './print-report.ts';
import { benches } from './registry.ts';
import type { BenchReport } from './report.ts';

const usage = `usage: npm run bench -- [--only NAME] [--json FILE] [--rebuild] [bench flags]
benches:
${benches.map((b) => `  ${b.name.padEnd(14)} ${b.description}`).join('\n')}
clip-pipeline flags: --fixtures DIR  --rounds N (default 5)  --page SUBSTRING  --stages`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (hasFlag(args, 'help')) {
    console.log(usage);
    return 0;
  }
  const only = flagValue(args, 'only');
  const json = flagValue(args, 'json');
  const selected = only ? benches.filter((b) => b.name === only) : benches;
  if (selected.length === 0) {
    console.error(`bench: no bench named "${only}"\n${usage}`);
    return 2;
  }

  const reports: BenchReport[] = [];
  let crashed = false;
  for (const bench of selected) {
    const started = performance.now();
    const loadAtStart = loadavg()[0]!;
    try {
      const report = await bench.run(args);
      const seconds = (performance.now() - started) / 1000;
      // Timings on a shared machine mean little without knowing what else ran: say how busy it was.
      report.notes.push(
        `Bench ran in ${seconds.toFixed(1)} s; load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end, on ${availableParallelism()} cores.`,
      );
      reports.push(report);
      console.log(formatReport(report));
    } catch (error) {
      // One bench breaking must not hide the others' figures.
      crashed = true;
      console.error(`bench ${bench.name} failed:`, error);
    }
  }

  if (json) {
    // npm runs scripts from the package root; a relative path means relative to where the command was typed.
    const file = resolve(process.env.INIT_CWD ?? process.cwd(), json);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ ranAt: new Date().toISOString(), reports }, null, 2)}\n`);
    console.log(`bench: wrote ${file}`);
  }
  return crashed ? 1 : 0;
}

process.exitCode = await main();
