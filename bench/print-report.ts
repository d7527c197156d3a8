// Reports as plain text tables: readable in a terminal and in a CI log, and diffable between runs.
import type { BenchReport, Cell, Figure, Table } from './report.ts';

function formatCell(cell: Cell): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  if (!Number.isFinite(cell)) return '—';
  if (Number.isInteger(cell)) return cell.toLocaleString('en-US');
  return cell.toFixed(Math.abs(cell) >= 100 ? 0 : Math.abs(cell) >= 10 ? 1 : 2);
}

export function formatTable(table: Table): string {
  const cells = table.rows.map((row) => row.map(formatCell));
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...cells.map((row) => row[i]?.length ?? 0)),
  );
  // Text left, numbers right: the digits of a column line up.
  const numeric = table.columns.map((_, i) => table.rows.every((row) => typeof row[i] !== 'string'));
  const line = (row: string[]) =>
    row
      .map((text, i) => (numeric[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [table.title, line(table.columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join(
    '\n',
  );
}

function withUnit(value: number, unit: string): string {
  const text = formatCell(value);
  return unit === '×' ? `${text}×` : `${text} ${unit}`;
}

function figureRow(figure: Figure): Cell[] {
  const { baseline, goal } = figure;
  return [
    figure.label,
    withUnit(figure.value, figure.unit),
    baseline ? `${withUnit(baseline.value, figure.unit)} (${baseline.label})` : '',
    baseline && baseline.value > 0 ? `${formatCell(figure.value / baseline.value)}×` : '',
    goal ? `${goal.text}  ${goal.met ? 'MET' : 'MISSED'}` : '',
  ];
}

export function formatReport(report: BenchReport): string {
  const heading = `== ${report.name}: ${report.description}`;
  if (report.skipped) return `${heading}\nSKIPPED: ${report.skipped}\n`;
  const parts = [heading, ...report.tables.map(formatTable)];
  if (report.figures.length > 0) {
    parts.push(
      formatTable({
        title: 'Summary',
        columns: ['figure', 'value', 'baseline (same run)', 'vs baseline', 'goal'],
        rows: report.figures.map(figureRow),
      }),
    );
  }
  if (report.notes.length > 0) parts.push(report.notes.map((note) => `* ${note}`).join('\n'));
  return `${parts.join('\n\n')}\n`;
}
