// Request validation with the shared zod schemas. A failure is a 400 `validation_failed` whose message names
// the first failing field (e.g. `mutations.3.fields.title: Too small`) and whose details list every issue.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { ValidationIssue } from '../shared/api/errors.ts';
import { ApiError } from './errors.ts';

export function validationError(issues: readonly { path: PropertyKey[]; message: string }[]): ApiError {
  const details: ValidationIssue[] = issues.map((i) => ({
    path: i.path.map(String).join('.'),
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

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json', 'the request body must be JSON');
  }
  return parseWith(schema, body);
}

export const readQuery = <S extends z.ZodType>(c: Context, schema: S): z.output<S> =>
  parseWith(schema, c.req.query());
