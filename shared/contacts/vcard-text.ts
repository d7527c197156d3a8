// The text rules of vCard 4.0 (RFC 6350 §3.2, §3.4): escaped values and content lines folded at 75 octets.

/**
 * Escapes a TEXT value (RFC 6350 §3.4): backslash, line breaks and comma. A semicolon is a plain character in
 * TEXT (its ABNF has no "\;"); it is escaped only inside the components of a structured value.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,');
}

/** One component of a structured value (N, ORG): TEXT escaping plus the semicolon. */
export const escapeComponent = (value: string) => escapeText(value).replace(/;/g, '\\;');

/** A structured value (N, ORG): components escaped one by one, joined by semicolons. */
export const structured = (components: readonly string[]) => components.map(escapeComponent).join(';');

/** A TEXT list (CATEGORIES): values escaped one by one, joined by commas. */
export const textList = (values: readonly string[]) => values.map(escapeText).join(',');

const encoder = new TextEncoder();

/**
 * Folds a content line so no physical line exceeds 75 octets (RFC 6350 §3.2): CRLF then one space before
 * each continuation. Cuts fall between code points, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
