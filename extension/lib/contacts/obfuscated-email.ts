// Addresses written to fool harvesters: "anna.rossi [at] comune [dot] bologna [dot] it",
// "h.mueller(at)stuttgart.de", "jdupont {arobase} lyon (point) fr". Only bracketed words count: a bare
// " at " is ordinary English. The result is plain text where those addresses read as addresses.

const atWords = 'at|ät|@|chiocciola|arroba|arobase|arobas|kukac|klammeraffe';
const dotWords = 'dot|punto|point|punkt|ponto|\\.';

const bracketedAt = new RegExp(`\\s*[[({<]\\s*(?:${atWords})\\s*[\\])}>]\\s*`, 'gi');
const bracketedDot = new RegExp(`\\s*[[({<]\\s*(?:${dotWords})\\s*[\\])}>]\\s*`, 'gi');
// "anna.rossi AT comune DOT it": the upper-case words only, and only with a DOT after the AT.
const shoutedAt = /(\S)\s+AT\s+(\S+(?:\s+DOT\s+\S+)+)/g;

export function revealObfuscatedEmails(text: string): string {
  return text
    .replace(bracketedAt, '@')
    .replace(bracketedDot, '.')
    .replace(
      shoutedAt,
      (_all, before: string, rest: string) => `${before}@${rest.replace(/\s+DOT\s+/g, '.')}`,
    );
}

/**
 * Cloudflare's "email protection" hides addresses in `data-cfemail` (hex, the first byte the XOR key) and
 * rewrites mailto links to /cdn-cgi/l/email-protection#hex; many city sites run behind it.
 */
export function decodeCloudflareEmail(hex: string): string | null {
  if (!/^(?:[0-9a-f]{2}){2,}$/i.test(hex)) return null;
  const key = Number.parseInt(hex.slice(0, 2), 16);
  let out = '';
  for (let i = 2; i < hex.length; i += 2)
    out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16) ^ key);
  return out.includes('@') ? out : null;
}
