// Tables: a GFM table when the table is a simple grid of one-line cells (https://github.github.com/gfm/#tables-extension-),
// otherwise its cells' content in reading order. Merged cells, multi-line cells and one-column layout tables
// have no faithful GFM form, and a wrong table is worse than plain paragraphs.

/** The rows of this table (not of tables nested in it), in document order. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = child.tagName.toUpperCase();
    if (tag === 'TR') rows.push(child);
    else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') {
      for (const row of Array.from(child.children)) if (row.tagName.toUpperCase() === 'TR') rows.push(row);
    }
  }
  return rows;
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((c) => /^T[DH]$/i.test(c.tagName));
}

function isMerged(cell: Element): boolean {
  return Number(cell.getAttribute('colspan') ?? 1) > 1 || Number(cell.getAttribute('rowspan') ?? 1) > 1;
}

/** `cellBlocks` converts a cell's content to Markdown blocks (markdown.ts owns that). */
export function tableBlocks(table: Element, cellBlocks: (cell: Element) => string[]): string[] {
  const rows = rowsOf(table).map((row) => cellsOf(row).map((cell) => ({ cell, blocks: cellBlocks(cell) })));
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const simple =
    columns >= 2 &&
    rows.every((r) =>
      r.every(({ cell, blocks }) => !isMerged(cell) && blocks.every((b) => !b.includes('\n'))),
    );

  if (!simple) return rows.flatMap((r) => r.flatMap(({ blocks }) => blocks));

  const line = (cells: string[]) => {
    const padded = Array.from({ length: columns }, (_, i) => cells[i] ?? '');
    return `| ${padded.join(' | ')} |`;
  };
  const texts = rows.filter((r) => r.length > 0).map((r) => r.map(({ blocks }) => blocks.join(' ')));
  const [head = [], ...body] = texts;
  return [[line(head), line(Array(columns).fill('---')), ...body.map(line)].join('\n')];
}
