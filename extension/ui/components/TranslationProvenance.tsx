// Who or what produced a translation, in a few words: "Reviewed by Ana, 3 Nov 2026 · LibreTranslate" or
// "Machine: DeepL". Shared by the Translate tab, saved snippets and the practice's summaries.
import type { Translation } from '../../../shared/schemas/snippet.ts';
import { formatDate, t } from '../../lib/i18n.ts';

/** An engine's name as members know it. */
export function engineLabel(engine: string): string {
  switch (engine) {
    case 'libretranslate':
      return 'LibreTranslate';
    case 'deepl':
      return 'DeepL';
    case 'browser':
      return t('engineBrowser');
    case 'memory':
      return t('engineMemory');
    case 'person':
      return t('enginePerson');
    default:
      return engine;
  }
}

export function provenanceText(
  translation: Translation,
  nameOf: (memberId: string | null) => string | null,
): string {
  if (translation.status === 'machine') return t('provenanceMachine', engineLabel(translation.engine));
  const who = nameOf(translation.reviewedBy) ?? t('unknownMember');
  const when = translation.reviewedAt ? formatDate(translation.reviewedAt) : '';
  const base = when ? t('provenanceReviewed', who, when) : t('provenanceReviewedUndated', who);
  return translation.engine === 'person' ? base : `${base} · ${engineLabel(translation.engine)}`;
}

export function TranslationProvenance(props: {
  translation: Translation;
  nameOf: (memberId: string | null) => string | null;
}) {
  return (
    <span class="provenance" data-status={props.translation.status}>
      {provenanceText(props.translation, props.nameOf)}
    </span>
  );
}
