// The real machine engines behind the Translate tab, in the shape of lib/translate/suggest.ts: the city
// server's engine (through the background, which holds the token; the server's error code is the failure's
// reason) and Chrome's built-in Translator (lib/translate/browser-translator.ts; only in extension pages).
import { browser } from 'wxt/browser';
import { sendRequest } from '../lib/messages.ts';
import {
  browserTranslatorAvailability,
  browserTranslatorEngine,
  createBrowserTranslator,
} from '../lib/translate/browser-translator.ts';
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

const withModel = browserTranslatorEngine();

/**
 * Chrome's Translator only with a model already on this device: a pair that is `downloadable` answers
 * `needs_gesture` at once (the chain moves on to the server, the view offers the download button) instead of
 * starting a download from "Suggest" — which, offline or on a browser without the model, may never end.
 */
export const browserEngine: MachineEngine = async (request) => {
  if (request.sourceLang !== 'und') {
    const state = await browserTranslatorAvailability({
      sourceLanguage: request.sourceLang,
      targetLanguage: request.targetLang,
    });
    if (state === 'unsupported' || state === 'unavailable') return { ok: false, reason: state };
    if (state !== 'available') return { ok: false, reason: 'needs_gesture' };
  }
  return withModel(request);
};

/** Creates the translator for a pair, downloading its language pack: call it straight from the member's click. */
export async function downloadLanguagePack(
  sourceLanguage: string,
  targetLanguage: string,
  onProgress: (loaded: number) => void,
): Promise<void> {
  const translator = await createBrowserTranslator({ sourceLanguage, targetLanguage, onProgress });
  translator.destroy();
}
