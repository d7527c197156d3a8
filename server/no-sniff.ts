// Every API answer says `X-Content-Type-Options: nosniff`, errors and refusals included, so no browser
// ever reads a JSON answer (which may hold text a member clipped from any page) as HTML or script. Set on
// the answer in place, as server/cors.ts does and for the same reason (no copy of the answer's body);
// only an answer whose headers cannot change is copied by hono.
import type { MiddlewareHandler } from 'hono';

export const noSniff: MiddlewareHandler = async (c, next) => {
  await next();
  try {
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  } catch {
    c.header('X-Content-Type-Options', 'nosniff');
  }
};
