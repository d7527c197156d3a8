// E-mail addresses in page text and links. An address is kept only when the stakeholder schema will accept
// it (zod's `z.email()`, the same pattern copied here so the content script does not ship zod); anything
// else that was plainly meant as an address is reported as invalid, never dropped.

// zod 4's email pattern (node_modules/zod/v4/core/regexes.js `email`): keep the two in step.
const validEmail =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** The stakeholder schema's limit on one address. */
const maxEmailLength = 320;

// Anything shaped like local@domain in running text; trailing punctuation is trimmed afterwards.
const emailLike = /[^\s@<>()[\]{}"',;:]+@[^\s@<>()[\]{}"',;:]+/g;

export function isValidEmail(value: string): boolean {
  return value.length <= maxEmailLength && validEmail.test(value);
}

/** The address as a record keeps it: trimmed, lower-cased (mailbox names are case-insensitive in practice). */
export function cleanEmail(raw: string): string {
  return raw
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/[.…]+$/, '')
    .toLowerCase();
}

/** Every address-shaped token in `text`, in order: valid ones and the ones that only look like one. */
export function findEmails(text: string): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const [token] of text.matchAll(emailLike)) {
    const email = cleanEmail(token);
    // "@handle" or "name@" alone are not addresses anyone meant to give.
    if (/^@|@$/.test(email)) continue;
    if (isValidEmail(email)) emails.push(email);
    else invalid.push(token.trim());
  }
  return { emails, invalid };
}

/** The address of a `mailto:` link (the first, when it lists several), decoded; null for other links. */
export function emailOfMailto(href: string): string | null {
  if (!/^\s*mailto:/i.test(href)) return null;
  let address = href.trim().slice(7).split('?')[0] ?? '';
  try {
    address = decodeURIComponent(address);
  } catch {
    // Malformed escapes: keep the address as written.
  }
  return address.split(',')[0]?.trim() || null;
}
