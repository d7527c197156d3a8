// Where to go after signing in: only a relative path under /web on this server, never another site (no open
// redirect through `next=`). Anything else falls back to the library.
export const homePath = '/web';

const hasControl = (s: string) => [...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2000) return homePath;
  // A path, not a scheme-relative or absolute address, no backslashes (browsers read `\` as `/`), no
  // control characters.
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\') || hasControl(next))
    return homePath;
  let url: URL;
  try {
    url = new URL(next, 'http://x.invalid');
  } catch {
    return homePath;
  }
  if (url.origin !== 'http://x.invalid') return homePath;
  if (url.pathname !== homePath && !url.pathname.startsWith(`${homePath}/`)) return homePath;
  // Never come back to the sign-in pages themselves.
  if (url.pathname.startsWith(`${homePath}/sign-`)) return homePath;
  return `${url.pathname}${url.search}`;
}
