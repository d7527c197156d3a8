// The suggestions of "Suggest", in the order they came: the city's reviewed translations (exact or with their
// similarity, who reviewed them), then the machine suggestion — each labelled with what produced it, each
// with "Use" to put it in the editor.
import type { ShownSuggestion } from '../../features/translate-run.ts';
import { formatDate, t } from '../../lib/i18n.ts';
import { engineLabel } from './TranslationProvenance.tsx';

interface Props {
  suggestions: readonly ShownSuggestion[];
  /** An engine failure is already shown: no "no suggestion" line under it. */
  failed: boolean;
  nameOf: (memberId: string | null) => string | null;
  onUse: (suggestion: ShownSuggestion) => void;
}

function label(s: ShownSuggestion, nameOf: Props['nameOf']): string {
  if (!s.memory) return engineLabel(s.engine);
  const who = nameOf(s.memory.reviewedBy) ?? t('unknownMember');
  const when = s.memory.reviewedAt ? formatDate(s.memory.reviewedAt) : '';
  return s.memory.exact
    ? t('suggestionMemoryExact', who, when)
    : t('suggestionMemoryNear', Math.round(s.memory.similarity * 100), who, when);
}

export function TranslationSuggestions({ suggestions, failed, nameOf, onUse }: Props) {
  if (!suggestions.length) return failed ? null : <p class="count-line">{t('translateNoSuggestion')}</p>;
  return (
    <ul class="suggestions" data-testid="suggestions">
      {suggestions.map((s, i) => (
        <li key={`${s.engine}-${i}`} data-engine={s.engine} data-exact={s.memory?.exact ? 'true' : undefined}>
          <div class="suggestion-head">
            <span class="suggestion-label">{label(s, nameOf)}</span>
            <button type="button" class="link" onClick={() => onUse(s)}>
              {t('suggestionUse')}
            </button>
          </div>
          {s.memory && !s.memory.exact && <p class="suggestion-source">{s.memory.sourceText}</p>}
          <p class="suggestion-text">{s.text}</p>
        </li>
      ))}
    </ul>
  );
}
