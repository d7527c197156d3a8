// Phone numbers as the city's stakeholder records keep them: E.164 ("+33472103030"), so the same number
// written "04 72 10 30 30", "+33 (0)4 72 10 30 30" or "tel:+33-4-72-10-30-30" is one number, and the
// duplicate check and the vCard export see one form. National numbers are read with the city's country.
// Uses libphonenumber-js's `min` metadata (~80 KB): it checks length and leading digits, not every
// numbering-plan pattern, which is what a prefill needs (see shared/contacts/README.md).
import {
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/min';

export type PhoneProblem = 'invalid' | 'too-short' | 'too-long' | 'not-a-number' | 'unknown-country';

export type NormalisedPhone =
  | { ok: true; e164: string; extension?: string }
  | { ok: false; raw: string; reason: PhoneProblem };

// Extension markers in the six languages of the prefill, plus libphonenumber's own ("ext", "x", "#").
// "Durchwahl" is rarely an extension in German pages (it is the direct-dial part of the full number), so it is
// not listed: "0711 216-81234" is one number.
const extensionMarker =
  /\s*(?:[,;]\s*)?\(?\s*(?:ext(?:ension|n)?\.?|poste|interno|int\.|extensi[oó]n|ramal|nebenstelle|x|#)\s*:?\s*(\d{1,6})\s*\)?\s*$/i;

const problemByLibraryCode: Record<string, PhoneProblem> = {
  TOO_SHORT: 'too-short',
  TOO_LONG: 'too-long',
  NOT_A_NUMBER: 'not-a-number',
  INVALID_COUNTRY: 'unknown-country',
  INVALID_LENGTH: 'invalid',
};

/** A `tel:` URI (RFC 3966) as the number and extension it carries; other text as it is. */
function readTelUri(raw: string): { number: string; extension?: string } {
  if (!/^tel:/i.test(raw)) return { number: raw };
  let decoded = raw.slice(4);
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A malformed escape: read the digits as written.
  }
  const [number = '', ...params] = decoded.split(';');
  const extension = params.find((p) => /^ext=/i.test(p))?.slice(4);
  // A local number with `phone-context=+33` is a national number of that country code.
  const context = params.find((p) => /^phone-context=\+\d+$/i.test(p))?.slice(14);
  const full = context && !number.startsWith('+') ? `${context}${number}` : number;
  return extension ? { number: full, extension } : { number: full };
}

/**
 * `raw` in E.164, or why it is not a phone number. `country` is the ISO 3166-1 alpha-2 code of the city: it
 * decides how numbers without a `+`/`00` prefix are read. An extension ("poste 123", "ext. 12", `;ext=12`) is
 * kept apart in `extension`, since E.164 has no room for it.
 */
export function normalisePhone(raw: string, country: string): NormalisedPhone {
  const original = raw;
  const trimmed = raw.replace(/\s+/g, ' ').trim();
  const fromUri = readTelUri(trimmed);
  let number = fromUri.number;
  let extension = fromUri.extension;
  const marker = extensionMarker.exec(number);
  if (marker && /\d.*\d.*\d.*\d/.test(number.slice(0, marker.index))) {
    extension = marker[1];
    number = number.slice(0, marker.index);
  }
  if (!/\d/.test(number)) return { ok: false, raw: original, reason: 'not-a-number' };

  const upper = country.toUpperCase();
  const region = isSupportedCountry(upper) ? (upper as CountryCode) : undefined;
  const international = /^\s*(\+|00)/.test(number);
  if (!region && !international) return { ok: false, raw: original, reason: 'unknown-country' };

  const parsed = parsePhoneNumberFromString(number, region ? { defaultCountry: region } : {});
  if (!parsed) return { ok: false, raw: original, reason: 'not-a-number' };
  if (!parsed.isValid()) {
    const code = parsed.isPossible() ? undefined : lengthProblem(number, region);
    return { ok: false, raw: original, reason: code ?? 'invalid' };
  }
  const ext = extension ?? parsed.ext;
  return ext ? { ok: true, e164: parsed.number, extension: ext } : { ok: true, e164: parsed.number };
}

/** Why a number that cannot exist has the wrong shape, in libphonenumber's words mapped to ours. */
function lengthProblem(number: string, region: CountryCode | undefined): PhoneProblem | undefined {
  const code = region ? validatePhoneNumberLength(number, region) : validatePhoneNumberLength(number);
  return code ? problemByLibraryCode[code] : undefined;
}

/** The form a stakeholder record keeps: E.164, with an RFC 3966 `;ext=` when there is an extension. */
export function phoneForRecord(phone: { e164: string; extension?: string }): string {
  return phone.extension ? `${phone.e164};ext=${phone.extension}` : phone.e164;
}
