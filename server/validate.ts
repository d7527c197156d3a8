// Request validation with the shared zod schemas. A failure is a 400 `validation_failed` whose message names
// the first failing field (e.g. `mutations.3.fields.title: Too small`) and whose details list every issue.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { ValidationIssue } from '../shared/api/errors.ts';
import { toWellFormed } from '../shared/well-formed.ts';
import { ApiError } from './errors.ts';
import { parseJsonBytes } from './json-body.ts';

export function validationError(issues: readonly { path: PropertyKey[]; message: string }[]): ApiError {
  const details: ValidationIssue[] = issues.map((i) => ({
    // A path may hold a key the client sent (a record's): made well-formed, as every answer's text is.
    path: toWellFormed(i.path.map(String).join('.')),
    message: i.message,
  }));
  const first = details[0];
  const message = first ? `${first.path || 'body'}: ${first.message}` : 'invalid request';
  return new ApiError(400, 'validation_failed', message, details);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data;
}

/** The request body parsed as JSON (server/json-body.ts: what `c.req.json()` gives, cheaper for large
 *  bodies), or a 400 `invalid_json`. `onElement`: see parseJsonBytes. */
export async function readJsonBody(
  c: Context,
  onElement?: (value: unknown, text: string) => void,
): Promise<unknown> {
  try {
    return parseJsonBytes(await bodyBytes(c), undefined, onElement);
  } catch {
    throw new ApiError(400, 'invalid_json', 'the request body must be JSON');
  }
}

/** The body's bytes. Read from the request's stream as its chunks come (one chunk is used as it is):
 *  `Request.arrayBuffer()` copies the whole body once more, ~0.2 MB per push of 50 practices. */
async function bodyBytes(c: Context): Promise<Uint8Array> {
  const stream = c.req.raw.body;
  if (!stream || c.req.raw.bodyUsed || Object.keys(c.req.bodyCache).length > 0) {
    return new Uint8Array(await c.req.arrayBuffer());
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    length += read.value.byteLength;
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return parseWith(schema, await readJsonBody(c));
}

export const readQuery = <S extends z.ZodType>(c: Context, schema: S): z.output<S> =>
  parseWith(schema, c.req.query());
