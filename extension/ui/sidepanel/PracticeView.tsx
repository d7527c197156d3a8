// One practice: edit what the member added, see and delete its highlights, read its content, delete it.
import { useEffect, useState } from 'preact/hooks';
import { safeLinkHref } from '../../../shared/safe-link.ts';
import type { Stakeholder } from '../../../shared/schemas/stakeholder.ts';
import { formValuesFrom } from '../../features/clip-page.ts';
import { practicePath } from '../../features/open-dashboard.ts';
import { formatDate, t } from '../../lib/i18n.ts';
import type { PracticeFormValues } from '../../lib/practice-form-values.ts';
import { clearDraft, loadDraft, saveDraft } from '../../store/drafts.ts';
import { deleteHighlight } from '../../store/highlights.ts';
import { deletePractice, type ListedPractice, practiceText, updatePractice } from '../../store/practices.ts';
import { DashboardLink } from '../components/DashboardLink.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageMeta } from '../components/PageMeta.tsx';
import { PracticeForm } from '../components/PracticeForm.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import type { useLibrary } from './useLibrary.ts';

interface Props {
  /** As listed, without its page text (read here, and again whenever the library changes). */
  practice: ListedPractice;
  library: ReturnType<typeof useLibrary>;
  contacts: readonly Stakeholder[];
  readOnly: boolean;
  /** Whether this browser is connected to a city library (the practice then has a web page once synced). */
  connected: boolean;
  authorName: (memberId: string | null) => string | null;
  /** Opens the Translate tab with this practice's summary. */
  onTranslateSummary: () => void;
  onBack: (message?: string) => void;
}

export function PracticeView({
  practice,
  library,
  contacts,
  readOnly,
  connected,
  authorName,
  onTranslateSummary,
  onBack,
}: Props) {
  const [values, setValues] = useState<PracticeFormValues>(() => formValuesFrom(practice));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [draftRestored, setDraftRestored] = useState(false);
  const highlights = library.highlights.get(practice.id) ?? [];
  // The page text: null while read, undefined while it has not arrived (a first sync lists before texts).
  const [text, setText] = useState<string | undefined | null>(null);
  useEffect(() => {
    let open = true;
    // library.practices: a new list after every change, the backfill's too, so an arrived text shows.
    void library.practices;
    void practiceText(practice.id).then((t) => {
      if (open) setText(t);
    });
    return () => {
      open = false;
    };
  }, [practice.id, library.practices]);
  // Same draft key as the popup: text typed in either, and not saved, comes back in either.
  const draftKey = `practice:${practice.id}`;

  useEffect(() => {
    void loadDraft(draftKey).then((draft) => {
      if (!draft) return;
      setValues((current) => ({ ...current, ...(draft as Partial<PracticeFormValues>) }));
      setDirty(true);
      setDraftRestored(true);
    });
  }, [draftKey]);

  // Another context changed this practice: follow it unless the member is mid-edit.
  useEffect(() => {
    if (!dirty) setValues(formValuesFrom(practice));
  }, [practice]);

  const save = async () => {
    if (!values.title.trim()) return setMessage({ tone: 'error', text: t('errorTitleRequired') });
    setBusy(true);
    try {
      await updatePractice(practice.id, values);
      await clearDraft(draftKey);
      setDirty(false);
      setDraftRestored(false);
      setMessage({ tone: 'ok', text: t('changesSaved') });
    } catch (e) {
      setMessage({ tone: 'error', text: t('errorSaveFailed', e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <article aria-labelledby="practice-title">
      <button type="button" class="link" onClick={() => onBack()}>
        ← {t('backToLibrary')}
      </button>
      <h2 id="practice-title">{practice.title}</h2>
      <p class="count-line">
        {t('clippedOn', formatDate(practice.clippedAt))}
        {authorName(practice.createdBy) && ` · ${t('addedBy', authorName(practice.createdBy)!)}`}
      </p>
      <PageMeta metadata={practice} />
      <p>
        {/* Only http(s) (and mailto/tel) is a link; a file: or an older foreign scheme is shown as text. */}
        {safeLinkHref(practice.url) ? (
          <a href={safeLinkHref(practice.url)!} target="_blank" rel="noopener noreferrer">
            {t('openPage')}
          </a>
        ) : (
          <span>{practice.url}</span>
        )}
        {connected && (
          <>
            {' · '}
            <DashboardLink
              next={practicePath(practice.id)}
              label={t('openOnWeb')}
              unavailable={practice.version === 0 ? t('dashboardAfterSync') : null}
            />
          </>
        )}
      </p>
      {draftRestored && <Notice tone="info">{t('draftRestored')}</Notice>}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <PracticeForm
        values={values}
        tagSuggestions={library.tags}
        contacts={contacts}
        onChange={(next) => {
          setDirty(true);
          setMessage(null);
          setValues(next);
          void saveDraft(draftKey, { ...next });
        }}
        onSubmit={save}
        submitLabel={t('saveChanges')}
        busy={busy || readOnly}
      />
      <h2>{t('summariesTitle')}</h2>
      <SummaryList summaries={practice.summaries ?? []} nameOf={authorName} />
      {practice.excerpt.trim() && (
        <button type="button" onClick={onTranslateSummary}>
          {t('translateSummary')}
        </button>
      )}
      <h2>{t('highlights')}</h2>
      {highlights.length === 0 && <p class="count-line">{t('noHighlights')}</p>}
      <ul class="list" data-testid="highlight-list">
        {highlights.map((h) => (
          <li key={h.id} class="quote-row">
            <blockquote class="quote">{h.quote.exact}</blockquote>
            <button
              type="button"
              class="danger"
              aria-label={t('deleteHighlight')}
              onClick={() => void deleteHighlight(h.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('readableContent')}</summary>
        {text === null ? null : text === undefined ? (
          <p class="count-line" data-testid="content-downloading">
            {t('readableContentDownloading')}
          </p>
        ) : text ? (
          <div class="markdown">{text}</div>
        ) : (
          <p class="count-line">{t('noReadableContent')}</p>
        )}
      </details>
      <div class="actions">
        {readOnly ? null : confirming ? (
          <>
            <span>{t('confirmDelete')}</span>
            <button
              type="button"
              class="danger"
              onClick={() => void deletePractice(practice.id).then(() => onBack(t('practiceDeleted')))}
            >
              {t('confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            {t('deletePractice')}
          </button>
        )}
      </div>
    </article>
  );
}
