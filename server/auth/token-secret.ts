// Personal access tokens: 32 random bytes, base64url, with a recognisable `icc_` prefix (so secret scanners
// and people can tell what it is). Only the SHA-256 hash is stored; the prefix is kept for display.
// Web Crypto only, so this runs on Node and on edge runtimes alike.
const bytesToBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export const tokenPattern = /^icc_[A-Za-z0-9_-]{43}$/;

export function newTokenSecret(): string {
  return `icc_${bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** What people see to tell tokens apart: `icc_` and the first 6 characters of the secret. */
export const tokenPrefix = (secret: string) => secret.slice(0, 10);

export async function hashToken(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
