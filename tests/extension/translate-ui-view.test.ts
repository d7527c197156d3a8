// The Translate tab's logic without a browser: failures in words (from the English catalogue), preferences
// repaired, the suggestion run (memory first, an exact match sparing the engines, fall-through), summaries
// one per language, and the saved-translation search.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translateFailureText } from '../../extension/features/translate-failure-text.ts';
import { normalisePrefs } from '../../extension/features/translate-prefs.ts';
import { runSuggestions } from '../../extension/features/translate-run.ts';
import { withSummary } from '../../extension/features/translate-summary.ts';
import type { MachineEngine } from '../../extension/lib/translate/suggest.ts';
import { filterSnippets } from '../../extension/ui/sidepanel/TranslateView.tsx';
import { uuidv7 } from '../../shared/ids.ts';
import type { Snippet, Translation } from '../../shared/schemas/snippet.ts';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const en: Catalogue = JSON.parse(readFileSync('extension/public/_locales/en/messages.json', 'utf8'));

beforeAll(() => {
  // Chrome's getMessage: named placeholders resolved through their $n content.
  fakeBrowser.i18n.getMessage = ((key: string, subs: string[] = []) => {
    const entry = en[key];
    if (!entry) return '';
    return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return subs[Number(content.slice(1)) - 1] ?? '';
    });
  }) as typeof fakeBrowser.i18n.getMessage;
});

const context = {
  sourceName: 'Italian',
  targetName: 'Basque',
  maxCharsPerRequest: 5000,
  dailyCharsPerMember: 50000,
};

describe('translation failures in words', () => {
  it('says what to configure when the server has no engine', () => {
    expect(translateFailureText({ code: 'no_engine', message: 'x' }, context)).toContain(
      'Ask your server administrator to set up a translation engine (LibreTranslate or DeepL)',
    );
  });

  it('names the limits: from the error when it has them, else from the announced limits', () => {
    expect(
      translateFailureText({ code: 'text_too_long', message: '', details: { max: 1200 } }, context),
    ).toContain((1200).toLocaleString());
    expect(translateFailureText({ code: 'text_too_long', message: '' }, context)).toContain(
      (5000).toLocaleString(),
    );
    expect(translateFailureText({ code: 'daily_limit', message: '' }, context)).toContain(
      (50000).toLocaleString(),
    );
    expect(
      translateFailureText({ code: 'daily_limit', message: '' }, { sourceName: 'a', targetName: 'b' }),
    ).toBe(en.translateDailyLimitNoFigure!.message);
  });

  it('tells apart offline, an unsupported pair, a busy engine and a broken one', () => {
    const texts = [
      'offline',
      'unsupported_pair',
      'engine_rate_limited',
      'engine_failed',
      'engine_timeout',
    ].map((code) => translateFailureText({ code, message: '' }, context));
    expect(texts[1]).toContain('from Italian into Basque');
    expect(new Set(texts.slice(0, 4)).size).toBe(4);
    expect(texts[4]).toBe(texts[3]);
    for (const text of texts) expect(text).not.toMatch(/\$[A-Z]+\$|undefined/);
  });
});

describe('translation preferences', () => {
  it('keeps both engines exactly once in the chosen order and drops a bad target', () => {
    expect(normalisePrefs(undefined)).toEqual({ engineOrder: ['browser', 'server'], defaultTarget: null });
    expect(normalisePrefs({ engineOrder: ['server'], defaultTarget: 'pt-BR' })).toEqual({
      engineOrder: ['server', 'browser'],
      defaultTarget: 'pt-BR',
    });
    expect(normalisePrefs({ engineOrder: ['deepl', 'server', 'server'], defaultTarget: 'French' })).toEqual({
      engineOrder: ['server', 'browser'],
      defaultTarget: null,
    });
  });
});

const reviewedBy = (lang: string, text: string): Translation => ({
  lang,
  text,
  engine: 'libretranslate',
  status: 'reviewed',
  reviewedBy: 'member-ana',
  reviewedAt: '2026-11-03T10:00:00.000Z',
});

function snippet(sourceText: string, translations: Translation[], sourceLang = 'it'): Snippet {
  const at = '2026-11-03T10:00:00.000Z';
  return {
    id: uuidv7(),
    cityId: 'c',
    createdAt: at,
    updatedAt: at,
    createdBy: 'member-ana',
    updatedBy: 'member-ana',
    deletedAt: null,
    version: 1,
    sourceText,
    sourceLang,
    translations,
    sourceUrl: null,
    practiceId: null,
  };
}

const campaign = 'Il consiglio comunale ha lanciato una campagna contro le dicerie sui migranti.';
const memory = [
  snippet(campaign, [
    reviewedBy('en', 'The city council launched a campaign against rumours about migrants.'),
  ]),
];

describe('the suggestion run', () => {
  it('offers an exact memory match alone and asks no engine', async () => {
    const browser = vi.fn<MachineEngine>();
    const server = vi.fn<MachineEngine>();
    const run = await runSuggestions({
      text: `  ${campaign.toUpperCase()} `,
      sourceLang: 'it',
      targetLang: 'en',
      order: ['browser', 'server'],
      memory,
      engines: { browser, server },
    });
    expect(run.suggestions).toHaveLength(1);
    expect(run.suggestions[0]).toMatchObject({ engine: 'memory', memory: { exact: true, similarity: 1 } });
    expect(browser).not.toHaveBeenCalled();
    expect(server).not.toHaveBeenCalled();
  });

  it('puts a near match first, then falls through a browser without the pack to the server engine', async () => {
    const server = vi.fn<MachineEngine>(async () => ({ ok: true, text: 'EN', provider: 'libretranslate' }));
    const run = await runSuggestions({
      text: 'Il consiglio comunale ha lanciato una campagna contro le dicerie sui rifugiati.',
      sourceLang: 'it',
      targetLang: 'en',
      order: ['browser', 'server'],
      memory,
      engines: { browser: async () => ({ ok: false, reason: 'needs_gesture' }), server },
    });
    expect(run.suggestions.map((s) => s.engine)).toEqual(['memory', 'libretranslate']);
    expect(run.suggestions[0]!.memory!.exact).toBe(false);
    expect(run.suggestions[0]!.memory!.similarity).toBeGreaterThan(0.7);
    expect(run.suggestions[0]!.memory!.similarity).toBeLessThan(1);
    expect(run.failures).toEqual([{ engine: 'browser', reason: 'needs_gesture' }]);
    expect(server).toHaveBeenCalledTimes(1);
  });

  it('follows the member’s order and reports the server’s code when nothing answers', async () => {
    const calls: string[] = [];
    const run = await runSuggestions({
      text: 'Benvenuti in biblioteca',
      sourceLang: 'it',
      targetLang: 'eu',
      order: ['server', 'browser'],
      memory,
      engines: {
        server: async () => {
          calls.push('server');
          return { ok: false, reason: 'unsupported_pair' };
        },
        browser: async () => {
          calls.push('browser');
          return { ok: false, reason: 'unavailable' };
        },
      },
    });
    expect(calls).toEqual(['server', 'browser']);
    expect(run.suggestions).toEqual([]);
    expect(run.failures.map((f) => f.reason)).toEqual(['unsupported_pair', 'unavailable']);
  });
});

describe('summaries and saved translations', () => {
  it('keeps one summary per language, the newest replacing the older', () => {
    const first = withSummary([], {
      ...reviewedBy('pt', 'Resumo'),
      status: 'machine',
      reviewedBy: null,
      reviewedAt: null,
    });
    const both = withSummary(first, reviewedBy('en', 'Summary'));
    const replaced = withSummary(both, reviewedBy('pt-BR', 'Resumo revisto'));
    expect(replaced.map((s) => [s.lang, s.text])).toEqual([
      ['en', 'Summary'],
      ['pt-BR', 'Resumo revisto'],
    ]);
  });

  it('finds saved translations by any word of the source or a translation, accents ignored', () => {
    const list = [
      ...memory,
      snippet(
        'Médiation interculturelle à l’école',
        [reviewedBy('it', 'Mediazione interculturale a scuola')],
        'fr',
      ),
    ];
    expect(filterSnippets(list, 'mediation ECOLE').map((s) => s.sourceLang)).toEqual(['fr']);
    expect(filterSnippets(list, 'rumours council')).toEqual([memory[0]]);
    expect(filterSnippets(list, '  ')).toHaveLength(2);
    expect(filterSnippets(list, 'biblioteca')).toEqual([]);
  });
});
