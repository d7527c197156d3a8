// The side panel's Translate tab: the workspace (TranslateForm) and the city's saved translations, recent
// first, searchable as you type; opening one shows its translations with their provenance and loads it into
// the workspace to add or correct a language. "Glossary" opens the city glossary in place of the workspace;
// coming back remounts the workspace from its draft, so it reads the glossary just changed.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Practice } from '../../../shared/schemas/practice.ts';
import type { Snippet } from '../../../shared/schemas/snippet.ts';
import { languageName } from '../../../shared/translate/languages.ts';
import { t, uiLanguage } from '../../lib/i18n.ts';
import { sendRequest } from '../../lib/messages.ts';
import { onLibraryChange } from '../../store/library-events.ts';
import { deleteSnippet, listSnippets } from '../../store/snippets.ts';
import type { ConnectionInfo } from '../../sync/connection.ts';
import type { EnginesInfo } from '../../sync/translate-client.ts';
import { Notice } from '../components/Notice.tsx';
import { TranslationProvenance } from '../components/TranslationProvenance.tsx';
import { GlossaryView } from './GlossaryView.tsx';
import { emptyWork, TranslateForm, type TranslateWork } from './TranslateForm.tsx';

/** The city's live snippets in this browser, reloaded on every library change. */
export function useSnippets(): Snippet[] {
  const [snippets, setSnippets] = useState<Snippet[]>([]);
  useEffect(() => {
    const load = () => void listSnippets().then(setSnippets);
    load();
    return onLibraryChange(load);
  }, []);
  return snippets;
}

/** Snippets whose source or any translation contains every word typed (case- and accent-insensitive). */
export function filterSnippets(snippets: readonly Snippet[], query: string): Snippet[] {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...snippets];
  return snippets.filter((s) => {
    const text = fold([s.sourceText, ...s.translations.map((x) => x.text)].join('\n'));
    return words.every((w) => text.includes(w));
  });
}

/** A fresh start for the workspace; `at` tells two starts with the same text apart. */
export interface TranslateStart {
  work: TranslateWork;
  at: number;
}

interface Props {
  start: TranslateStart | null;
  practices: readonly Practice[];
  connection: ConnectionInfo | null;
  readOnly: boolean;
  authorName: (memberId: string | null) => string | null;
}

export function TranslateView({ start, practices, connection, readOnly, authorName }: Props) {
  const snippets = useSnippets();
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [workStart, setWorkStart] = useState<TranslateStart | null>(start);
  const [notice, setNotice] = useState<string | null>(null);
  const [showGlossary, setShowGlossary] = useState(false);
  const [engines, setEngines] = useState<EnginesInfo | null>(null);
  const ui = uiLanguage();
  useEffect(() => {
    setWorkStart(start);
    if (start) setShowGlossary(false);
  }, [start]);
  // The server's limits (and the city's language), read again after the glossary and after each save.
  useEffect(() => {
    if (showGlossary) return;
    const send = (m: unknown) => browser.runtime.sendMessage(m);
    void sendRequest(send, { type: 'translation-engines' }).then((r) => r.ok && setEngines(r.value));
  }, [showGlossary, notice, connection?.cityId]);

  if (showGlossary) {
    return (
      <GlossaryView
        connection={connection}
        readOnly={readOnly}
        cityLang={engines?.cityLang ?? null}
        onBack={() => setShowGlossary(false)}
      />
    );
  }

  const open = openId ? snippets.find((s) => s.id === openId) : undefined;
  const shown = filterSnippets(snippets, query);
  return (
    <div>
      {notice && <Notice tone="ok">{notice}</Notice>}
      <div class="translate-tools">
        {engines && (
          <span class="count-line" data-testid="translate-usage">
            {t(
              'translateUsedToday',
              engines.limits.usedToday.toLocaleString(ui),
              engines.limits.dailyCharsPerMember.toLocaleString(ui),
            )}
          </span>
        )}
        <button
          type="button"
          class="link"
          onClick={() => {
            // The workspace comes back from its draft (which holds every edit), not from the start again.
            setWorkStart(null);
            setShowGlossary(true);
          }}
        >
          {t('glossaryOpen')}
        </button>
      </div>
      <TranslateForm
        key={workStart?.at ?? 'draft'}
        start={workStart?.work ?? null}
        practices={practices}
        memory={snippets}
        connection={connection}
        readOnly={readOnly}
        authorName={authorName}
        onSaved={setNotice}
      />
      <h2 id="saved-translations">{t('translateSavedTitle')}</h2>
      <input
        type="search"
        aria-label={t('translateSearch')}
        placeholder={t('translateSearch')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {snippets.length === 0 && <p class="count-line">{t('translateNoneSaved')}</p>}
      {snippets.length > 0 && shown.length === 0 && <p class="count-line">{t('translateNoResults')}</p>}
      <ul class="list" data-testid="snippet-list" aria-labelledby="saved-translations">
        {shown.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              class="row"
              aria-expanded={s.id === openId}
              onClick={() => setOpenId(s.id === openId ? null : s.id)}
            >
              <span class="title clamp">{s.sourceText}</span>
              <span class="sub">
                {[
                  languageName(s.sourceLang, ui),
                  ...s.translations.map((x) => languageName(x.lang, ui)),
                ].join(' → ')}
              </span>
            </button>
            {open?.id === s.id && (
              <div class="snippet-detail" data-testid="snippet-detail">
                {s.translations.map((x) => (
                  <div key={x.lang} class="snippet-translation" lang={x.lang}>
                    <span class="field-label">{languageName(x.lang, ui)}</span>
                    <p>{x.text}</p>
                    <TranslationProvenance translation={x} nameOf={authorName} />
                  </div>
                ))}
                {s.sourceUrl && (
                  <a href={s.sourceUrl} target="_blank" rel="noopener noreferrer">
                    {t('openPage')}
                  </a>
                )}
                <div class="actions">
                  <button
                    type="button"
                    onClick={() => {
                      setNotice(null);
                      setWorkStart({
                        work: {
                          ...emptyWork,
                          sourceText: s.sourceText,
                          sourceLang: s.sourceLang,
                          practiceId: s.practiceId ?? '',
                          sourceUrl: s.sourceUrl,
                          snippetId: s.id,
                        },
                        at: Date.now(),
                      });
                      window.scrollTo({ top: 0 });
                    }}
                  >
                    {t('snippetEdit')}
                  </button>
                  {!readOnly && (
                    <button
                      type="button"
                      class="danger"
                      onClick={() => void deleteSnippet(s.id).then(() => setOpenId(null))}
                    >
                      {t('snippetDelete')}
                    </button>
                  )}
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
