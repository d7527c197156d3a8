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

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLanguage() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' }).format(
    date,
  );
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLanguage() === 'fr' ? 'fr-FR' : 'en-GB', { timeStyle: 'short' }).format(
    date,
  );
}
