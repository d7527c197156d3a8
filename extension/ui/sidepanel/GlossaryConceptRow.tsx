// One built-in ICC concept in the Glossary view: its English and French labels and the city's label in its
// own language, editable in place by coordinators and contributors (Save appears once it differs).
import { languageName } from '../../../shared/translate/languages.ts';
import type { ConceptRow } from '../../features/glossary-rows.ts';
import { t, uiLanguage } from '../../lib/i18n.ts';

interface Props {
  row: ConceptRow;
  localLang: string;
  canEdit: boolean;
  /** What is typed and not yet stored, if anything. */
  draft: string | undefined;
  error: string | undefined;
  busy: boolean;
  onDraft: (value: string) => void;
  onSave: () => void;
}

export function GlossaryConceptRow({ row, localLang, canEdit, draft, error, busy, onDraft, onSave }: Props) {
  const ui = uiLanguage();
  const value = draft ?? row.local;
  const dirty = draft !== undefined && draft.trim().replace(/\s+/g, ' ') !== row.local;
  const localName = languageName(localLang, ui);
  return (
    <li class="glossary-concept" data-concept={row.conceptId}>
      <div class="glossary-builtin">
        <span lang="en">
          <abbr title={languageName('en', ui)}>EN</abbr> {row.en}
        </span>
        <span lang="fr">
          <abbr title={languageName('fr', ui)}>FR</abbr> {row.fr}
        </span>
      </div>
      {canEdit ? (
        <form
          class="glossary-local"
          onSubmit={(e) => {
            e.preventDefault();
            if (dirty) onSave();
          }}
        >
          <input
            type="text"
            lang={localLang}
            aria-label={t('glossaryLocalLabelFor', localName, ui === 'fr' ? row.fr : row.en)}
            placeholder={localName}
            value={value}
            onInput={(e) => onDraft(e.currentTarget.value)}
          />
          {dirty && (
            <button type="submit" class="primary" disabled={busy}>
              {t('glossarySaveLabel')}
            </button>
          )}
        </form>
      ) : (
        <div class="glossary-local-read" lang={localLang}>
          <abbr title={localName}>{localLang.toUpperCase()}</abbr>{' '}
          {row.local || <span class="muted">{t('glossaryNoLocalLabel')}</span>}
        </div>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
