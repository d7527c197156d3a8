// One practice: edit what the member added, see and delete its highlights, read its content, delete it.
import { useEffect, useState } from 'preact/hooks';
import type { Practice } from '../../../shared/schemas/practice.ts';
import { formValuesFrom } from '../../features/clip-page.ts';
import { formatDate, t } from '../../lib/i18n.ts';
import type { PracticeFormValues } from '../../lib/practice-form-values.ts';
import { deleteHighlight } from '../../store/highlights.ts';
import { deletePractice, updatePractice } from '../../store/practices.ts';
import { Notice } from '../components/Notice.tsx';
import { PageMeta } from '../components/PageMeta.tsx';
import { PracticeForm } from '../components/PracticeForm.tsx';
import type { useLibrary } from './useLibrary.ts';

interface Props {
  practice: Practice;
  library: ReturnType<typeof useLibrary>;
  onBack: (message?: string) => void;
}

export function PracticeView({ practice, library, onBack }: Props) {
  const [values, setValues] = useState<PracticeFormValues>(() => formValuesFrom(practice));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const highlights = library.highlights.get(practice.id) ?? [];

  // Another context changed this practice: follow it unless the member is mid-edit.
  useEffect(() => {
    if (!dirty) setValues(formValuesFrom(practice));
  }, [practice]);

  const save = async () => {
    if (!values.title.trim()) return setMessage({ tone: 'error', text: t('errorTitleRequired') });
    setBusy(true);
    try {
      await updatePractice(practice.id, values);
      setDirty(false);
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
      <p class="count-line">{t('clippedOn', formatDate(practice.clippedAt))}</p>
      <PageMeta metadata={practice} />
      <p>
        <a href={practice.url} target="_blank" rel="noopener noreferrer">
          {t('openPage')}
        </a>
      </p>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <PracticeForm
        values={values}
        tagSuggestions={library.tags}
        onChange={(next) => {
          setDirty(true);
          setMessage(null);
          setValues(next);
        }}
        onSubmit={save}
        submitLabel={t('saveChanges')}
        busy={busy}
      />
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
        {practice.contentMarkdown ? (
          <div class="markdown">{practice.contentMarkdown}</div>
        ) : (
          <p class="count-line">{t('noReadableContent')}</p>
        )}
      </details>
      <div class="actions">
        {confirming ? (
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
