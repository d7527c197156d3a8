// The redirect to sign in keeps the page the browser wanted in `next=`, but only one that signing in would
// follow: a 12 KB address came back as a ~36 KB Location header (each `%` encoded again), which reverse
// proxies refuse from an upstream (a 502) and Node's fetch cannot read (found by tests/server/fuzz-routes).
import { describe, expect, it } from 'vitest';
import { fileBackend } from './support/backend.ts';
import { makeWorld } from './support/world.ts';
import { page } from './web-helpers.ts';

describe('redirect to sign in', () => {
  it('keeps a next= of up to 2,000 characters and drops a longer one, so the Location header stays small', async () => {
    const w = await makeWorld(fileBackend);
    const short = await page(w, '/web/coverage?from=2025-01-01');
    expect(short.status).toBe(302);
    expect(short.headers.get('Location')).toBe('/web/sign-in?next=%2Fweb%2Fcoverage%3Ffrom%3D2025-01-01');

    const long = await page(w, `/web/export/practices?q=${encodeURIComponent('é'.repeat(2000))}`);
    expect(long.status).toBe(302);
    expect(long.headers.get('Location')).toBe('/web/sign-in');
  });
});
