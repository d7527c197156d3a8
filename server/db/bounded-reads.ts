// Reads of many rows with big columns, bounded by bytes as well as rows. A libSQL server (sqld, what Turso
// runs) refuses any answer over 10 MB (`--max-response-size`, counted in the values' UTF-8 bytes) with
// RESPONSE_TOO_LARGE, whatever its row count: 500 practices of 20 KB page text are already over, and a page
// text may hold 2 MB. So a read of `data` (or `meta`) over many rows first measures them (`octet_length`,
// which SQLite answers from the record header without reading the text), then reads in slices of at most
// `readBudgetBytes` stored bytes; a slice the server still refuses (a server started with a lower cap) is
// read again in halves. On an embedded file nothing is refused, but the same slices keep one answer's
// memory bounded there too.

/** Stored bytes one statement may read: well under sqld's 10 MB, with room for the rows' other columns. */
export const readBudgetBytes = 4 * 1024 * 1024;

/** Rows one slice may hold, whatever their size (an `IN (…)` list of ids stays short). */
export const maxSliceRows = 500;

/**
 * Whether `error` is a libSQL server's refusal of an answer too large. @libsql/client throws a LibsqlError
 * with code `RESPONSE_TOO_LARGE` (message "RESPONSE_TOO_LARGE: Response is too large"); drizzle wraps it in
 * a DrizzleQueryError whose `cause` it is.
 */
export function isResponseTooLarge(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    if ((e as { code?: unknown }).code === 'RESPONSE_TOO_LARGE') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * `items` in order, cut into slices whose summed `bytesOf` stays within `budget` and whose length stays
 * within `maxRows`; an item larger than the budget is a slice alone.
 */
export function sliceByBytes<T>(
  items: readonly T[],
  bytesOf: (item: T) => number,
  { budget = readBudgetBytes, maxRows = maxSliceRows }: { budget?: number; maxRows?: number } = {},
): T[][] {
  const slices: T[][] = [];
  let slice: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    if (slice.length > 0 && (bytes + size > budget || slice.length >= maxRows)) {
      slices.push(slice);
      slice = [];
      bytes = 0;
    }
    slice.push(item);
    bytes += size;
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}

/**
 * Reads `items` (what was measured: ids and their stored sizes) slice by slice with `read`, in order; a slice
 * the server refuses as too large is read again in halves, down to one item (which is then the error).
 */
export async function readInSlices<T, R>(
  items: readonly T[],
  bytesOf: (item: T) => number,
  read: (slice: T[]) => Promise<R[]>,
  options: { budget?: number; maxRows?: number } = {},
): Promise<R[]> {
  const out: R[] = [];
  for (const slice of sliceByBytes(items, bytesOf, options)) {
    for (const r of await readHalving(slice, read)) out.push(r);
  }
  return out;
}

async function readHalving<T, R>(slice: T[], read: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  try {
    return await read(slice);
  } catch (error) {
    if (!isResponseTooLarge(error) || slice.length <= 1) throw error;
    const half = Math.ceil(slice.length / 2);
    const first = await readHalving(slice.slice(0, half), read);
    return first.concat(await readHalving(slice.slice(half), read));
  }
}

/**
 * Runs `read` with `budget`, and again with a quarter of it each time the server refuses the answer as too
 * large, down to `floor` (then the error stands): for reads that measure in the same statement (the pull).
 */
export async function withShrinkingBudget<R>(
  read: (budget: number) => Promise<R>,
  { budget = readBudgetBytes, floor = 16 * 1024 }: { budget?: number; floor?: number } = {},
): Promise<R> {
  for (let b = budget; ; b = Math.max(floor, Math.floor(b / 4))) {
    try {
      return await read(b);
    } catch (error) {
      if (!isResponseTooLarge(error) || b <= floor) throw error;
    }
  }
}
