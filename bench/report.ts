// What every bench hands back: a few headline figures (each beside the baseline measured in the same run),
// tables for the detail, and the raw data for --json. A bench reports; it never decides the run failed.

export type Cell = string | number | null;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface Figure {
  label: string;
  value: number;
  unit: string;
  /** Measured in the same run on the same machine: the number this one should be read against. */
  baseline?: { label: string; value: number };
  /** The target, in words (`≤ 1.3×`), and where the figure stands against it. */
  goal?: { text: string; met: boolean };
}

export interface BenchReport {
  name: string;
  description: string;
  /** Set when the bench could not run here (no fixtures, no browser): why, and what to pass. */
  skipped?: string;
  figures: Figure[];
  tables: Table[];
  notes: string[];
  /** Everything measured, for --json. */
  data?: unknown;
}

export interface Bench {
  name: string;
  description: string;
  /** Receives the whole command line; each bench reads its own flags and ignores the others. */
  run: (args: string[]) => Promise<BenchReport>;
}

export function skippedReport(bench: Pick<Bench, 'name' | 'description'>, reason: string): BenchReport {
  return { ...bench, skipped: reason, figures: [], tables: [], notes: [] };
}
