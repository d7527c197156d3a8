// The country whose national phone numbers a page writes, when the caller could not say which city the
// member belongs to: the page's country-code domain ("comune.bologna.it"), else the region of its
// language ("fr-FR"), else the one country a language of the ICC networks is mostly spoken in.
import { isSupportedCountry } from 'libphonenumber-js/min';

export type CountryOrigin = 'caller' | 'domain' | 'language' | 'none';

// Country-code domains that are not the ISO code of their country.
const domainToCountry: Record<string, string> = { uk: 'GB', eu: '', su: '' };
// Only languages of ICC member cities whose speakers are mostly in one country; "es", "de", "pt", "fr" are
// not guessed from the language alone (Spain or Mexico, Germany or Switzerland, Portugal or Brazil…).
const languageToCountry: Record<string, string> = {
  it: 'IT',
  nb: 'NO',
  nn: 'NO',
  no: 'NO',
  uk: 'UA',
  pl: 'PL',
  ro: 'RO',
  el: 'GR',
  tr: 'TR',
  ko: 'KR',
  ja: 'JP',
  sv: 'SE',
  da: 'DK',
  is: 'IS',
  lt: 'LT',
  hr: 'HR',
  sr: 'RS',
  hu: 'HU',
  he: 'IL',
};

function fromDomain(hostname: string): string | null {
  const tld = hostname.toLowerCase().split('.').pop() ?? '';
  if (tld.length !== 2) return null;
  const country = domainToCountry[tld] ?? tld.toUpperCase();
  return country && isSupportedCountry(country) ? country : null;
}

function fromLanguage(lang: string): string | null {
  const [language = '', region = ''] = lang.toLowerCase().split(/[-_]/);
  if (/^[a-z]{2}$/.test(region) && isSupportedCountry(region.toUpperCase())) return region.toUpperCase();
  return languageToCountry[language] ?? null;
}

export function detectPageCountry(
  url: string,
  lang: string | null | undefined,
): {
  country: string;
  origin: CountryOrigin;
} {
  let hostname = '';
  try {
    hostname = new URL(url).hostname;
  } catch {
    // Not a web page address: the language may still tell.
  }
  const byDomain = hostname ? fromDomain(hostname) : null;
  if (byDomain) return { country: byDomain, origin: 'domain' };
  const byLanguage = lang ? fromLanguage(lang) : null;
  if (byLanguage) return { country: byLanguage, origin: 'language' };
  return { country: '', origin: 'none' };
}
