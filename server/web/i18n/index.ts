// The dashboard's interface language: English or French, from the `lang` cookie (set by the language
// switch), else the browser's Accept-Language, else English. `t(key, values)` fills `{name}` placeholders.
import { en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';

export const uiLangs = ['en', 'fr'] as const;
export type UiLang = (typeof uiLangs)[number];

const catalogues: Record<UiLang, Record<MessageKey, string>> = { en, fr };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(lang: UiLang): Translate {
  const messages = catalogues[lang];
  return (key, values) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name]) : whole,
    );
}

export const isUiLang = (v: unknown): v is UiLang => v === 'en' || v === 'fr';

/** The first of `en`/`fr` in an Accept-Language header, by quality; English when neither is there. */
export function langFromAcceptLanguage(header: string | undefined): UiLang {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q) : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.find((x) => isUiLang(x.base))?.base === 'fr' ? 'fr' : 'en';
}

export function pickUiLang(cookie: string | undefined, acceptLanguage: string | undefined): UiLang {
  return isUiLang(cookie) ? cookie : langFromAcceptLanguage(acceptLanguage);
}

/** Dates in the interface language, from an ISO date or date-time (day precision, UTC). */
export function formatDate(iso: string | null | undefined, lang: UiLang): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatMonth(month: string, lang: UiLang): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return month;
  return d.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
}

export const formatNumber = (n: number, lang: UiLang) => n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
