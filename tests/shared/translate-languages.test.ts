import { describe, expect, it } from 'vitest';
import {
  baseLang,
  browserTranslatorHasLanguage,
  browserTranslatorLacks,
  languageName,
  normaliseLang,
  sameLanguage,
  targetLanguages,
} from '../../shared/translate/languages.ts';

describe('normaliseLang', () => {
  it('gives canonical BCP 47 codes', () => {
    expect(normaliseLang('pt-BR')).toBe('pt-BR');
    expect(normaliseLang('pt_br')).toBe('pt-BR');
    expect(normaliseLang('ZH-hant')).toBe('zh-Hant');
    expect(normaliseLang(' FR ')).toBe('fr');
  });

  it('maps legacy codes and Norwegian Bokmål as ICC cities use them', () => {
    expect(normaliseLang('iw')).toBe('he');
    expect(normaliseLang('in')).toBe('id');
    expect(normaliseLang('nb')).toBe('no');
  });

  it('answers und for empty, auto and malformed codes', () => {
    for (const code of ['', null, undefined, 'auto', 'not a code', '12'])
      expect(normaliseLang(code)).toBe('und');
  });

  it('compares by base language', () => {
    expect(baseLang('pt-BR')).toBe('pt');
    expect(sameLanguage('pt-BR', 'pt')).toBe(true);
    expect(sameLanguage('es', 'ca')).toBe(false);
  });
});

describe('targetLanguages', () => {
  it('offers the city’s language, English and French first, then the others, each once', () => {
    const langs = targetLanguages({ cityLang: 'it' });
    expect(langs.slice(0, 3)).toEqual(['it', 'en', 'fr']);
    expect(langs).toContain('ca');
    expect(new Set(langs).size).toBe(langs.length);
  });

  it('puts the member’s default first and leaves out the source language', () => {
    expect(targetLanguages({ cityLang: 'es-ES', defaultTarget: 'fr', sourceLang: 'en' }).slice(0, 3)).toEqual(
      ['fr', 'es', 'it'],
    );
  });
});

describe('languageName', () => {
  it('names languages in the UI language', () => {
    expect(languageName('ca', 'fr').toLowerCase()).toBe('catalan');
    expect(languageName('de', 'en')).toBe('German');
    expect(languageName('de', 'fr').toLowerCase()).toBe('allemand');
  });

  it('falls back to the code', () => {
    expect(languageName('und', 'en')).toBe('und');
  });
});

describe('Chrome built-in Translator languages', () => {
  it('knows Catalan, Basque, Galician and Albanian are missing', () => {
    expect(browserTranslatorLacks('ca', 'en')).toEqual(['ca']);
    expect(browserTranslatorLacks('en', 'eu')).toEqual(['eu']);
    expect(browserTranslatorLacks('gl', 'sq')).toEqual(['gl', 'sq']);
  });

  it('has the ICC working languages and common city languages', () => {
    expect(browserTranslatorLacks('it', 'fr')).toEqual([]);
    expect(browserTranslatorLacks('pt-BR', 'en')).toEqual([]);
    expect(browserTranslatorHasLanguage('iw')).toBe(true);
    expect(browserTranslatorHasLanguage('zh-Hant-TW')).toBe(true);
    expect(browserTranslatorHasLanguage('uk')).toBe(true);
  });
});
