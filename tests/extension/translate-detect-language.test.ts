import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectLanguage, type I18nDetection } from '../../extension/lib/translate/detect-language.ts';
import { fakeLanguageDetector } from './translate-fake-chrome-ai.ts';

const french = 'La ville a ouvert un guichet d’accueil pour les nouveaux arrivants.';
const italian = 'Il comune forma mediatori interculturali nelle scuole.';

/** The fake browser does not implement i18n.detectLanguage (and types it loosely): stub it per test. */
function stubI18nDetect(answer: () => Promise<I18nDetection>) {
  return vi.spyOn(fakeBrowser.i18n, 'detectLanguage').mockImplementation(answer as never);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('detectLanguage with Chrome’s LanguageDetector', () => {
  it('answers the most confident language, confidence 0–1', async () => {
    const detector = fakeLanguageDetector('available', () => [
      { detectedLanguage: 'fr', confidence: 0.93 },
      { detectedLanguage: 'it', confidence: 0.05 },
      { detectedLanguage: 'und', confidence: 0.02 },
    ]);
    expect(await detectLanguage(french, { scope: { LanguageDetector: detector.global } })).toEqual({
      lang: 'fr',
      confidence: 0.93,
      reliable: true,
      detector: 'language-detector',
    });
  });

  it('drops und and says when the best guess is not reliable', async () => {
    const detector = fakeLanguageDetector('available', () => [
      { detectedLanguage: 'und', confidence: 0.6 },
      { detectedLanguage: 'pt-br', confidence: 0.3 },
    ]);
    expect(
      await detectLanguage('Boas práticas de acolhimento', { scope: { LanguageDetector: detector.global } }),
    ).toEqual({
      lang: 'pt-BR',
      confidence: 0.3,
      reliable: false,
      detector: 'language-detector',
    });
  });

  it('falls back to i18n.detectLanguage when the detector model is not downloaded', async () => {
    const detector = fakeLanguageDetector('downloadable', () => []);
    const i18nDetect = vi.fn(async () => ({
      isReliable: true,
      languages: [{ language: 'it', percentage: 97 }],
    }));
    expect(
      await detectLanguage(italian, { scope: { LanguageDetector: detector.global }, i18nDetect }),
    ).toEqual({
      lang: 'it',
      confidence: 0.97,
      reliable: true,
      detector: 'i18n',
    });
    expect(detector.calls).toEqual([]);
  });
});

describe('detectLanguage with the extension i18n API (Firefox, Chrome without the model)', () => {
  it('uses browser.i18n.detectLanguage, percentage 0–100 → confidence 0–1', async () => {
    const spy = stubI18nDetect(async () => ({
      isReliable: false,
      languages: [
        { language: 'und', percentage: 50 },
        { language: 'es', percentage: 45 },
      ],
    }));
    expect(
      await detectLanguage('Las ciudades interculturales comparten sus prácticas.', { scope: {} }),
    ).toEqual({
      lang: 'es',
      confidence: 0.45,
      reliable: false,
      detector: 'i18n',
    });
    expect(spy).toHaveBeenCalledWith('Las ciudades interculturales comparten sus prácticas.');
  });

  it('answers null when the API knows no language or fails', async () => {
    stubI18nDetect(async () => ({ isReliable: false, languages: [] }));
    expect(await detectLanguage(french, { scope: {} })).toBeNull();
    stubI18nDetect(async () => {
      throw new Error('not available');
    });
    expect(await detectLanguage(french, { scope: {} })).toBeNull();
  });
});

describe('detectLanguage on short text', () => {
  it('answers null without asking a detector', async () => {
    const detector = fakeLanguageDetector('available', () => [{ detectedLanguage: 'fr', confidence: 0.9 }]);
    const i18nDetect = vi.fn();
    expect(
      await detectLanguage('Oui, merci', { scope: { LanguageDetector: detector.global }, i18nDetect }),
    ).toBeNull();
    expect(
      await detectLanguage('12 345 — 67', { scope: { LanguageDetector: detector.global }, i18nDetect }),
    ).toBeNull();
    expect(detector.calls).toEqual([]);
    expect(i18nDetect).not.toHaveBeenCalled();
  });

  it('takes a lower minimum when asked (a short title)', async () => {
    const detector = fakeLanguageDetector('available', () => [{ detectedLanguage: 'fr', confidence: 0.8 }]);
    expect(
      await detectLanguage('Oui, merci', { scope: { LanguageDetector: detector.global }, minLetters: 5 }),
    ).toMatchObject({
      lang: 'fr',
    });
  });
});
