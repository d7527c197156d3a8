// Bilingual practice cards: the practice's summary in other languages, each with its provenance
// ("Reviewed by Ana, 3 Nov 2026" / "Machine: LibreTranslate").
import type { Summary } from '../../../shared/schemas/practice.ts';
import { languageName } from '../../../shared/translate/languages.ts';
import { t, uiLanguage } from '../../lib/i18n.ts';
import { TranslationProvenance } from './TranslationProvenance.tsx';

interface Props {
  summaries: readonly Summary[];
  nameOf: (memberId: string | null) => string | null;
}

export function SummaryList({ summaries, nameOf }: Props) {
  const ui = uiLanguage();
  if (!summaries.length) return <p class="count-line">{t('summariesNone')}</p>;
  return (
    <ul class="list" data-testid="summary-list">
      {summaries.map((s) => (
        <li key={s.lang} class="snippet-translation" lang={s.lang}>
          <span class="field-label">{languageName(s.lang, ui)}</span>
          <p>{s.text}</p>
          <TranslationProvenance translation={s} nameOf={nameOf} />
        </li>
      ))}
    </ul>
  );
}
