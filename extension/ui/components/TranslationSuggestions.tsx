// The suggestions of "Suggest", in the order they came: the city's reviewed translations (exact or with their
// similarity, who reviewed them), then the machine suggestion — each labelled with what produced it, each
// with "Use" to put it in the editor.
import type { ShownSuggestion } from '../../features/translate-run.ts';
import { formatDate, t } from '../../lib/i18n.ts';
import { engineLabel } from './TranslationProvenance.tsx';

interface Props {
  suggestions: readonly ShownSuggestion[];
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

export function TranslationSuggestions({ suggestions, nameOf, onUse }: Props) {
  if (!suggestions.length) return <p class="count-line">{t('translateNoSuggestion')}</p>;
  return (
    <ul class="list suggestions" data-testid="suggestions">
      {suggestions.map((s, i) => (
        <li key={`${s.engine}-${i}`} data-engine={s.engine} data-exact={s.memory?.exact ? 'true' : undefined}>
          <span class="suggestion-label">{label(s, nameOf)}</span>
          {s.memory && !s.memory.exact && <span class="suggestion-source">{s.memory.sourceText}</span>}
          <p class="suggestion-text">{s.text}</p>
          <button type="button" onClick={() => onUse(s)}>
            {t('suggestionUse')}
          </button>
        </li>
      ))}
    </ul>
  );
}
