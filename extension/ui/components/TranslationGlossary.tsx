// ICC glossary hints for the text being translated: each term found in the source with the term the
// glossary expects in the target language, a warning when the translation does not use it, and "Apply" to
// put it in where the wrong rendering can be located.
import type { GlossaryCheck, GlossaryMatch } from '../../../shared/translate/glossary.ts';
import { t } from '../../lib/i18n.ts';

interface Props {
  matches: readonly GlossaryMatch[];
  /** Against the editor's text; empty while the editor is empty. */
  checks: readonly GlossaryCheck[];
  onApply: (conceptId: string) => void;
}

export function TranslationGlossary({ matches, checks, onApply }: Props) {
  return (
    <div class="glossary" data-testid="glossary-hints">
      <span class="field-label">{t('glossaryTitle')}</span>
      <ul class="list">
        {matches.map((m) => {
          const check = checks.find((c) => c.conceptId === m.conceptId && c.start === m.start);
          const missing = check && !check.present;
          return (
            <li key={`${m.conceptId}-${m.start}`} data-missing={missing ? 'true' : undefined}>
              <span>
                {m.sourceTerm} → <strong>{m.targetTerm}</strong>
              </span>
              {missing && (
                <>
                  <span class="glossary-warn">{t('glossaryNotUsed')}</span>
                  <button type="button" class="link" onClick={() => onApply(m.conceptId)}>
                    {t('glossaryApply')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
