// The real machine engines behind the Translate tab, in the shape of lib/translate/suggest.ts: the city
// server's engine (through the background, which holds the token; its error code is the failure's reason)
// and Chrome's built-in Translator (only in extension pages, never in the service worker; a pair that still
// needs its language pack answers `needs_gesture`, so the view offers the download button).
import { browser } from 'wxt/browser';
import { sendRequest } from '../lib/messages.ts';
import type { MachineEngine } from '../lib/translate/suggest.ts';

export const serverEngine: MachineEngine = async ({ text, sourceLang, targetLang }) => {
  const reply = await sendRequest((m) => browser.runtime.sendMessage(m), {
    type: 'translate',
    text,
    source: sourceLang === 'und' ? 'auto' : sourceLang,
    target: targetLang,
  });
  if (!reply.ok) return { ok: false, reason: reply.failure.code, message: reply.failure.message };
  return {
    ok: true,
    text: reply.value.translatedText,
    provider: reply.value.engine,
    ...(sourceLang === 'und' ? { detectedLang: reply.value.source } : {}),
  };
};

interface TranslatorLike {
  translate(text: string): Promise<string>;
  destroy?(): void;
}
interface TranslatorGlobal {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<string>;
  create(options: {
    sourceLanguage: string;
    targetLanguage: string;
    monitor?: (m: EventTarget) => void;
  }): Promise<TranslatorLike>;
}

function translatorGlobal(): TranslatorGlobal | null {
  const api = (globalThis as { Translator?: TranslatorGlobal }).Translator;
  return api && typeof api.availability === 'function' ? api : null;
}

/** What Chrome's Translator says of a pair: `unsupported` where the browser has no Translator at all. */
export async function browserAvailability(source: string, target: string): Promise<string> {
  const api = translatorGlobal();
  if (!api) return 'unsupported';
  if (source === 'und') return 'unavailable';
  try {
    return await api.availability({ sourceLanguage: source, targetLanguage: target });
  } catch {
    return 'unavailable';
  }
}

export const browserEngine: MachineEngine = async ({ text, sourceLang, targetLang }) => {
  const state = await browserAvailability(sourceLang, targetLang);
  if (state === 'unsupported' || state === 'unavailable') return { ok: false, reason: state };
  if (state !== 'available') return { ok: false, reason: 'needs_gesture' };
  const translator = await translatorGlobal()!.create({
    sourceLanguage: sourceLang,
    targetLanguage: targetLang,
  });
  try {
    return { ok: true, text: await translator.translate(text) };
  } catch (error) {
    const tooLong = error instanceof DOMException && error.name === 'QuotaExceededError';
    return { ok: false, reason: tooLong ? 'too_long' : 'failed', message: String(error) };
  } finally {
    translator.destroy?.();
  }
};

/** Creates the translator for a pair, downloading its language pack: call it from the member's click. */
export async function downloadLanguagePack(
  source: string,
  target: string,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const api = translatorGlobal();
  if (!api) throw new Error('no Translator API');
  const translator = await api.create({
    sourceLanguage: source,
    targetLanguage: target,
    monitor: (m) =>
      m.addEventListener('downloadprogress', (e) => onProgress((e as Event & { loaded: number }).loaded)),
  });
  translator.destroy?.();
}
