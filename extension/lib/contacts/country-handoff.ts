// How the caller tells contact.content.ts the city's country: runtime content scripts take no arguments, so
// a first `executeScript({ func, args })` leaves it in this global of the extension's isolated world (which
// both injections share and the page's own scripts never see), and the content script takes it from there.
// A module of its own so that the caller imports the name without the prefill's code.

export const contactCountryGlobal = '__iccContactCountry';

/** The country the caller left, removed so that a later run never sees a stale one; null when none. */
export function takeCallerCountry(
  scope: Record<string, unknown> = globalThis as Record<string, unknown>,
): string | null {
  const value = scope[contactCountryGlobal];
  delete scope[contactCountryGlobal];
  return typeof value === 'string' && /^[A-Za-z]{2}$/.test(value.trim()) ? value.trim().toUpperCase() : null;
}
