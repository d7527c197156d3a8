// The project's zod, imported as `z` from shared/zod.ts: zod itself, except that every string schema made
// with `z.string()` or `z.url()` refuses a string holding a lone UTF-16 surrogate (shared/well-formed.ts),
// with the message `must be well-formed Unicode (a lone surrogate at character N)` at the field's path. The
// schemas of shared/schemas and shared/api import `z` from there instead of 'zod', so every string a route
// accepts is well-formed without each schema saying so (tests/shared/well-formed-schemas.property.test.ts
// walks them all). `z.email()` and `z.iso.*` keep zod's own: their patterns accept only ASCII. The check is
// the first of the string's checks; String.prototype.isWellFormed answers at once for a Latin-1 string.
import * as zod from 'zod';
import { illFormedMessage, isWellFormed } from './well-formed.ts';

/** The check every project string carries; exported so tests can tell a project string from a plain one. */
export const wellFormedCheck: zod.core.CheckFn<string> = (payload) => {
  if (isWellFormed(payload.value)) return;
  payload.issues.push({ code: 'custom', message: illFormedMessage(payload.value), input: payload.value });
};

export function string(params?: string | zod.core.$ZodStringParams): zod.ZodString {
  return zod.string(params).check(wellFormedCheck);
}

export function url(params?: string | zod.core.$ZodURLParams): zod.ZodURL {
  return zod.url(params).check(wellFormedCheck);
}

export * from 'zod';
