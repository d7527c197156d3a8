// The translation workspace: source text and its language (detected offline, overridable), target language,
// "Suggest" (memory first, then the member's engines, each labelled), ICC glossary hints, the editor, and
// Save as a reviewed snippet (and as the practice's summary when translating one). What the member types is
// kept in the drafts store as they type; no error ever clears it.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GlossaryTerm } from '../../../shared/api/glossary.ts';
import type { Practice } from '../../../shared/schemas/practice.ts';
import type { Snippet, Translation } from '../../../shared/schemas/snippet.ts';
import {
  applyGlossary,
  checkTranslation,
  findGlossaryMatches,
  iccGlossary,
  mergeGlossary,
} from '../../../shared/translate/glossary.ts';
import {
  baseLang,
  languageName,
  otherTargetLanguages,
  targetLanguages,
} from '../../../shared/translate/languages.ts';
import { type DetectedLanguage, detectSourceLanguage } from '../../features/translate-detect.ts';
import { browserEngine, downloadLanguagePack, serverEngine } from '../../features/translate-engines.ts';
import { translateFailureText } from '../../features/translate-failure-text.ts';
import {
  defaultTranslatePrefs,
  loadTranslatePrefs,
  type TranslatePrefs,
} from '../../features/translate-prefs.ts';
import { runSuggestions, type SuggestRun } from '../../features/translate-run.ts';
import { saveSummary } from '../../features/translate-summary.ts';
import { t, uiLanguage } from '../../lib/i18n.ts';
import { sendRequest } from '../../lib/messages.ts';
import { clearDraft, loadDraft, saveDraft } from '../../store/drafts.ts';
import { createSnippet, updateSnippet, withTranslation } from '../../store/snippets.ts';
import type { ConnectionInfo } from '../../sync/connection.ts';
import type { EnginesInfo } from '../../sync/translate-client.ts';
import { Notice } from '../components/Notice.tsx';
import { TranslationGlossary } from '../components/TranslationGlossary.tsx';
import { TranslationSuggestions } from '../components/TranslationSuggestions.tsx';

/** What the workspace holds; also its draft. */
export interface TranslateWork {
  sourceText: string;
  /** '' = the detected language. */
  sourceLang: string;
  /** '' = the first offered target. */
  targetLang: string;
  editorText: string;
  /** The engine of the suggestion the editor started from, or `person`. */
  editorEngine: string;
  practiceId: string;
  sourceUrl: string | null;
  /** The saved snippet being edited, if any. */
  snippetId: string | null;
  /** The practice whose summary this translates, if any. */
  summaryFor: string | null;
}

export const emptyWork: TranslateWork = {
  sourceText: '',
  sourceLang: '',
  targetLang: '',
  editorText: '',
  editorEngine: 'person',
  practiceId: '',
  sourceUrl: null,
  snippetId: null,
  summaryFor: null,
};

const draftKey = 'translate:workspace';
/** An unsaved translation a new selection replaced: kept to be restored. */
const setAsideKey = 'translate:set-aside';

interface Props {
  /** A fresh start (a selection, a summary, a saved snippet); null: carry on with the draft. */
  start: TranslateWork | null;
  practices: readonly Practice[];
  memory: readonly Snippet[];
  connection: ConnectionInfo | null;
  readOnly: boolean;
  authorName: (memberId: string | null) => string | null;
  onSaved: (message: string) => void;
}

const sourceChoices = ['en', 'fr', ...otherTargetLanguages];

/** Why Chrome's built-in Translator did not answer, when another engine did. */
function fallthroughText(reason: string) {
  if (reason === 'unsupported') return 'translateBrowserNone' as const;
  if (reason === 'needs_gesture') return 'translateBrowserPack' as const;
  return 'translateBrowserPair' as const;
}

export function TranslateForm({
  start,
  practices,
  memory,
  connection,
  readOnly,
  authorName,
  onSaved,
}: Props) {
  const [work, setWork] = useState<TranslateWork>(start ?? emptyWork);
  const [detected, setDetected] = useState<DetectedLanguage | null>(null);
  const [prefs, setPrefs] = useState<TranslatePrefs>(defaultTranslatePrefs);
  const [engines, setEngines] = useState<EnginesInfo | null>(null);
  const [cityTerms, setCityTerms] = useState<GlossaryTerm[]>([]);
  const [run, setRun] = useState<(SuggestRun & { targetLang: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [packState, setPackState] = useState<'idle' | 'downloading' | 'failed'>('idle');
  const [progress, setProgress] = useState(0);
  const [message, setMessage] = useState<{ tone: 'ok' | 'warn' | 'error'; text: string } | null>(null);
  const ui = uiLanguage();

  const [setAside, setSetAside] = useState<TranslateWork | null>(null);

  useEffect(() => {
    if (start) {
      // A new selection takes the workspace; an unsaved translation in it is set aside, never dropped.
      void loadDraft(draftKey).then(async (old) => {
        const previous = old as Partial<TranslateWork> | undefined;
        if (previous?.editorText?.trim() && previous.sourceText !== start.sourceText) {
          const kept = { ...emptyWork, ...previous };
          await saveDraft(setAsideKey, { ...kept });
          setSetAside(kept);
        }
        await saveDraft(draftKey, { ...start });
      });
      return;
    }
    void loadDraft(draftKey).then(
      (draft) => draft && setWork({ ...emptyWork, ...(draft as Partial<TranslateWork>) }),
    );
  }, [start]);

  useEffect(() => {
    void loadTranslatePrefs().then(setPrefs);
    const send = (m: unknown) => browser.runtime.sendMessage(m);
    void sendRequest(send, { type: 'translation-engines' }).then((r) => r.ok && setEngines(r.value));
    void sendRequest(send, { type: 'city-glossary' }).then((r) => r.ok && setCityTerms(r.value));
  }, []);

  // Offline detection as the source text changes (debounced).
  useEffect(() => {
    const text = work.sourceText;
    const timer = setTimeout(() => void detectSourceLanguage(text).then(setDetected), 250);
    return () => clearTimeout(timer);
  }, [work.sourceText]);

  const change = (next: Partial<TranslateWork>) => {
    setWork((current) => {
      const updated = { ...current, ...next };
      void saveDraft(draftKey, { ...updated });
      return updated;
    });
  };

  const sourceLang = work.sourceLang || detected?.lang || run?.detectedLang || 'und';
  const targets = targetLanguages({
    cityLang: engines?.cityLang ?? null,
    defaultTarget: prefs.defaultTarget,
    sourceLang: sourceLang === 'und' ? null : sourceLang,
  });
  const targetLang = work.targetLang || targets[0] || 'en';
  const nameOf = (code: string) => languageName(code, ui);

  const glossary = useMemo(() => mergeGlossary(iccGlossary, cityTerms), [cityTerms]);
  const matches = useMemo(
    () =>
      work.sourceText.trim() ? findGlossaryMatches(work.sourceText, sourceLang, targetLang, glossary) : [],
    [work.sourceText, sourceLang, targetLang, glossary],
  );
  const checks = work.editorText.trim() ? checkTranslation(work.editorText, matches) : [];

  const suggest = async () => {
    if (!work.sourceText.trim()) return setMessage({ tone: 'warn', text: t('translateNothing') });
    setBusy(true);
    setMessage(null);
    setPackState('idle');
    try {
      const result = await runSuggestions({
        text: work.sourceText,
        sourceLang,
        targetLang,
        order: prefs.engineOrder,
        memory,
        engines: { browser: browserEngine, server: serverEngine },
      });
      setRun({ ...result, targetLang });
      const first = result.suggestions[0];
      if (first && !work.editorText.trim()) change({ editorText: first.text, editorEngine: first.engine });
    } catch (error) {
      setMessage({ tone: 'error', text: `${t('translateEngineDown')} (${String(error)})` });
    } finally {
      setBusy(false);
    }
  };

  const download = () => {
    setPackState('downloading');
    setProgress(0);
    // Called straight from the click: the download needs the member's gesture.
    downloadLanguagePack(sourceLang, targetLang, setProgress).then(
      () => {
        setPackState('idle');
        void suggest();
      },
      () => setPackState('failed'),
    );
  };

  const save = async () => {
    if (readOnly) return;
    if (!work.sourceText.trim()) return setMessage({ tone: 'error', text: t('translateNothing') });
    if (!work.editorText.trim()) return setMessage({ tone: 'error', text: t('translateEditorEmpty') });
    if (sourceLang === 'und') return setMessage({ tone: 'error', text: t('translateChooseSource') });
    const now = new Date();
    const translation: Translation = {
      lang: baseLang(targetLang),
      text: work.editorText.trim(),
      engine: work.editorEngine,
      status: 'reviewed',
      reviewedBy: connection?.memberId ?? null,
      reviewedAt: now.toISOString(),
    };
    setBusy(true);
    try {
      const existing = work.snippetId ? memory.find((s) => s.id === work.snippetId) : undefined;
      const fields = {
        sourceText: work.sourceText.trim(),
        sourceLang: baseLang(sourceLang),
        sourceUrl: work.sourceUrl,
        practiceId: work.practiceId || null,
      };
      const saved = existing
        ? await updateSnippet(
            existing.id,
            { ...fields, translations: withTranslation(existing.translations, translation) },
            now,
          )
        : await createSnippet({ ...fields, translations: [translation] }, now);
      if (work.summaryFor) await saveSummary(work.summaryFor, translation, now);
      await clearDraft(draftKey);
      setWork({ ...work, snippetId: saved.id });
      onSaved(t(work.summaryFor ? 'translateSummarySaved' : 'translateSaved', nameOf(targetLang)));
    } catch (error) {
      // The editor keeps its text: only the message changes.
      setMessage({
        tone: 'error',
        text: t('errorSaveFailed', error instanceof Error ? error.message : String(error)),
      });
    } finally {
      setBusy(false);
    }
  };

  const failureContext = {
    sourceName: nameOf(sourceLang),
    targetName: nameOf(targetLang),
    ...(engines
      ? {
          maxCharsPerRequest: engines.limits.maxCharsPerRequest,
          dailyCharsPerMember: engines.limits.dailyCharsPerMember,
        }
      : {}),
  };
  const answered = run?.suggestions.some((s) => s.engine !== 'memory') ?? false;
  const browserFailure = run?.failures.find((f) => f.engine === 'browser');
  const serverFailure = run?.failures.find((f) => f.engine === 'server');
  const summaryPractice = work.summaryFor ? practices.find((p) => p.id === work.summaryFor) : undefined;

  return (
    <section aria-labelledby="translate-heading" class="translate">
      <h2 id="translate-heading" class="sr-only">
        {t('tabTranslate')}
      </h2>
      {setAside && (
        <div class="notice info" role="status">
          {t('translateSetAside', setAside.sourceText.slice(0, 60))}{' '}
          <button
            type="button"
            class="link"
            onClick={() => {
              change(setAside);
              setSetAside(null);
              void clearDraft(setAsideKey);
            }}
          >
            {t('translateRestore')}
          </button>
        </div>
      )}
      {summaryPractice && <Notice tone="info">{t('translateSummaryOf', summaryPractice.title)}</Notice>}
      <label class="field">
        <span>{t('translateSource')}</span>
        <textarea
          name="sourceText"
          rows={4}
          value={work.sourceText}
          onInput={(e) => change({ sourceText: e.currentTarget.value })}
        />
      </label>
      <div class="filters">
        <label class="field">
          <span>{t('translateFrom')}</span>
          <select
            name="sourceLang"
            value={work.sourceLang}
            onChange={(e) => change({ sourceLang: e.currentTarget.value })}
          >
            <option value="">
              {detected ? t('translateDetected', nameOf(detected.lang)) : t('translateDetectAuto')}
            </option>
            {sourceChoices.map((code) => (
              <option key={code} value={code}>
                {nameOf(code)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('translateTo')}</span>
          <select
            name="targetLang"
            value={targetLang}
            onChange={(e) => change({ targetLang: e.currentTarget.value })}
          >
            {targets.map((code) => (
              <option key={code} value={code}>
                {nameOf(code)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="actions" style={{ marginTop: 0 }}>
        <button type="button" class="primary" disabled={busy} onClick={() => void suggest()}>
          {busy ? t('translateSuggesting') : t('translateSuggest')}
        </button>
      </div>
      {browserFailure && answered && (
        <p class="count-line" data-testid="engine-fallthrough">
          {t(fallthroughText(browserFailure.reason))}
        </p>
      )}
      {browserFailure?.reason === 'needs_gesture' && (
        <div class="pack-offer">
          {packState === 'downloading' ? (
            <progress max={1} value={progress} aria-label={t('translatePackDownloading')} />
          ) : (
            <button type="button" class="link" onClick={download}>
              {t('translatePackDownload', nameOf(sourceLang), nameOf(targetLang))}
            </button>
          )}
          {packState === 'failed' && <Notice tone="warn">{t('translatePackFailed')}</Notice>}
        </div>
      )}
      {run?.detectedLang && baseLang(run.detectedLang) === baseLang(run.targetLang) && (
        <Notice tone="warn">{t('translateSameLanguage', nameOf(run.targetLang))}</Notice>
      )}
      {serverFailure && !answered && (
        <Notice
          tone={['no_engine', 'not_connected', 'offline'].includes(serverFailure.reason) ? 'warn' : 'error'}
        >
          {translateFailureText(
            { code: serverFailure.reason, message: serverFailure.message ?? '' },
            failureContext,
          )}
        </Notice>
      )}
      {run && (
        <TranslationSuggestions
          suggestions={run.suggestions}
          failed={!!serverFailure}
          nameOf={authorName}
          onUse={(s) => {
            change({ editorText: s.text, editorEngine: s.engine });
            setMessage(null);
          }}
        />
      )}
      {matches.length > 0 && (
        <TranslationGlossary
          matches={matches}
          checks={checks}
          onApply={(conceptId) => {
            const applied = applyGlossary(work.editorText, matches, { replace: [conceptId] });
            if (applied.applied.length) change({ editorText: applied.text });
            else
              setMessage({
                tone: 'warn',
                text: t(
                  'glossaryApplyByHand',
                  matches.find((m) => m.conceptId === conceptId)?.targetTerm ?? '',
                ),
              });
          }}
        />
      )}
      <label class="field">
        <span>{t('translateEditor', nameOf(targetLang))}</span>
        <textarea
          name="translation"
          rows={5}
          value={work.editorText}
          onInput={(e) =>
            change({
              editorText: e.currentTarget.value,
              // Typed from scratch: the member is the translator.
              ...(work.editorText.trim() ? {} : { editorEngine: 'person' }),
            })
          }
        />
      </label>
      <label class="field">
        <span>{t('translatePractice')}</span>
        <select
          name="practiceId"
          value={work.practiceId}
          onChange={(e) => change({ practiceId: e.currentTarget.value })}
        >
          <option value="">{t('translateNoPractice')}</option>
          {practices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {readOnly && <Notice tone="info">{t('translateViewerNoSave')}</Notice>}
      <div class="actions">
        <button type="button" class="primary" disabled={busy || readOnly} onClick={() => void save()}>
          {t('translateSave')}
        </button>
        <button
          type="button"
          onClick={() => {
            setRun(null);
            setMessage(null);
            setWork(emptyWork);
            void clearDraft(draftKey);
          }}
        >
          {t('translateClear')}
        </button>
      </div>
    </section>
  );
}
