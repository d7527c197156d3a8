// Every user-facing string goes through the WebExtension i18n system (public/_locales/{en,fr}), so the UI
// follows the browser's language. Keys are typed from the English catalogue: a missing key fails the build.
import { browser } from 'wxt/browser';
import type catalogue from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof catalogue;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  return text || key;
}

/** The UI language: `fr` for French browsers, `en` otherwise (the ICC's two working languages). */
export function uiLanguage(): 'en' | 'fr' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

// One formatter per language and style, made once: building an Intl.DateTimeFormat costs about a millisecond,
// and the side panel's list formats a date on each of its rows at every render (bench/initial-sync.ts
// --profile: most of the panel's time during a first sync, before this cache).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: 'date' | 'time'): Intl.DateTimeFormat {
  const locale = uiLanguage() === 'fr' ? 'fr-FR' : 'en-GB';
  const key = `${locale} ${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      style === 'date' ? { dateStyle: 'medium' } : { timeStyle: 'short' },
    );
    formatters.set(key, format);
  }
  return format;
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter('date').format(date);
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter('time').format(date);
}

let numbers: Intl.NumberFormat | undefined;

/** A count as the UI language writes it (10,000 in English, 10 000 in French). */
export function formatCount(n: number): string {
  numbers ??= new Intl.NumberFormat(uiLanguage() === 'fr' ? 'fr-FR' : 'en-GB');
  return numbers.format(n);
}
