// The text rules of vCard 4.0 (RFC 6350 §3.2, §3.4): escaped values and content lines folded at 75 octets.

/**
 * Escapes a TEXT value (RFC 6350 §3.4): backslash, line breaks and comma. A semicolon is a plain character in
 * TEXT (its ABNF has no "\;"); it is escaped only inside the components of a structured value. Other control
 * characters (but tab) are dropped: a value may not hold them (VALUE-CHAR), and a lone one could end a line
 * for a lax reader. Every property value the export writes goes through this, uriValue or structured.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' ? c : ''));
}

/**
 * A URI value (URL, TEL;VALUE=uri, X-ICC-SOURCE-URL): not TEXT, so commas and semicolons stay as they are,
 * but anything a URI cannot hold — controls (line breaks above all), spaces, " < > \ ^ ` { | } — is
 * percent-encoded, so a value never ends its line or opens another property.
 */
export function uriValue(value: string): string {
  return value.replace(/[\p{Cc} "<>\\^`{|}]/gu, (c) =>
    Array.from(encoder.encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
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
