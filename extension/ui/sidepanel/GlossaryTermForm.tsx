// "Add a term" and editing one of the city's own glossary terms: its labels in English, French and the city's
// language, and a note. Checked before sending; what was typed stays in the form when saving fails.
import { useEffect, useState } from 'preact/hooks';
import type { GlossaryTerm } from '../../../shared/api/glossary.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { baseLang, languageName } from '../../../shared/translate/languages.ts';
import {
  emptyOwnTerm,
  type GlossaryRequest,
  type OwnTermForm,
  ownTermChange,
  ownTermForm,
} from '../../features/glossary-edit.ts';
import { glossaryProblemText } from '../../features/glossary-failure-text.ts';
import { t, uiLanguage } from '../../lib/i18n.ts';
import { clearDraft, loadDraft, saveDraft } from '../../store/drafts.ts';
import { Notice } from '../components/Notice.tsx';

interface Props {
  /** The term edited, or null to add one. */
  term: GlossaryTerm | null;
  localLang: string;
  /** Sends the request; answers an error text, or null once stored. */
  onSave: (request: GlossaryRequest) => Promise<string | null>;
  onCancel: () => void;
}

export function GlossaryTermForm({ term, localLang, onSave, onCancel }: Props) {
  const [form, setForm] = useState<OwnTermForm>(term ? ownTermForm(term, localLang) : emptyOwnTerm);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newId] = useState(() => uuidv7());
  const ui = uiLanguage();
  const local = baseLang(localLang);
  const showLocal = local !== 'und' && local !== 'en' && local !== 'fr';
  // What is typed is kept in the drafts store until saved or cancelled: closing the panel loses nothing.
  const draftKey = `glossary:term:${term?.id ?? 'new'}`;
  useEffect(() => {
    void loadDraft(draftKey).then(
      (kept) => kept && setForm({ ...emptyOwnTerm, ...(kept as Partial<OwnTermForm>) }),
    );
  }, [draftKey]);
  const set = (name: keyof OwnTermForm) => (e: { currentTarget: { value: string } }) =>
    setForm((f) => {
      const next = { ...f, [name]: e.currentTarget.value };
      void saveDraft(draftKey, { ...next });
      return next;
    });
  const cancel = () => {
    void clearDraft(draftKey);
    onCancel();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const change = ownTermChange(form, localLang, term, newId);
    if (!change.ok) return setError(glossaryProblemText(change.problem));
    if (!change.request) return cancel();
    setBusy(true);
    const failure = await onSave(change.request);
    if (!failure) await clearDraft(draftKey);
    setError(failure);
    setBusy(false);
  };

  const input = (name: 'en' | 'fr' | 'local', lang: string) => (
    <label class="field">
      <span>{t('glossaryFieldLabel', languageName(lang, ui))}</span>
      <input type="text" name={`term-${name}`} lang={lang} value={form[name]} onInput={set(name)} />
    </label>
  );

  return (
    <form class="glossary-term-form" data-testid="glossary-term-form" onSubmit={submit}>
      <h3>{term ? t('glossaryEditTerm') : t('glossaryAddTerm')}</h3>
      {input('en', 'en')}
      {input('fr', 'fr')}
      {showLocal && input('local', local)}
      <label class="field">
        <span>{t('glossaryFieldNote')}</span>
        <textarea name="term-note" value={form.note} onInput={set('note')} />
      </label>
      {error && <Notice tone="error">{error}</Notice>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('glossarySaveTerm')}
        </button>
        <button type="button" onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
