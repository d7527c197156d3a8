// Reads a route's query string with a shared schema (shared/api/library.ts, parseParams): repeated
// parameters for lists, and any unknown, repeated or malformed parameter a 400 `validation_failed` naming it.
import type { Context } from 'hono';
import type { z } from 'zod';
import { ParamError, parseParams } from '../../shared/api/library.ts';
import { validationError } from '../validate.ts';

export function readParams<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  try {
    return parseParams(schema, new URL(c.req.url).searchParams);
  } catch (error) {
    if (error instanceof ParamError) throw validationError(error.issues);
    throw error;
  }
}
