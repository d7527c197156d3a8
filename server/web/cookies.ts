// The dashboard's cookies: the session (HttpOnly, SameSite=Lax, Path=/web, Secure when served over HTTPS or
// behind an https public URL) and the interface language (not secret, readable by nothing but the server
// anyway since the pages run no script).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionTtlMs } from './session.ts';

export const sessionCookie = 'icc_session';
export const langCookie = 'lang';

const isHttps = (c: Context, publicUrl: string | undefined) =>
  new URL(c.req.url).protocol === 'https:' || (publicUrl?.startsWith('https:') ?? false);

export const readSessionCookie = (c: Context) => getCookie(c, sessionCookie);

export function writeSessionCookie(c: Context, secret: string, expiresAt: string, publicUrl?: string) {
  setCookie(c, sessionCookie, secret, {
    path: '/web',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, publicUrl),
    expires: new Date(expiresAt),
    maxAge: Math.floor(sessionTtlMs / 1000),
  });
}

export function clearSessionCookie(c: Context, publicUrl?: string) {
  deleteCookie(c, sessionCookie, { path: '/web', secure: isHttps(c, publicUrl), httpOnly: true });
}

export function writeLangCookie(c: Context, lang: string, publicUrl?: string) {
  setCookie(c, langCookie, lang, {
    path: '/web',
    sameSite: 'Lax',
    secure: isHttps(c, publicUrl),
    maxAge: 365 * 24 * 60 * 60,
  });
}
