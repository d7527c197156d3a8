// Bilingual practice cards: a translation of a practice's summary (its excerpt) saved into the practice's
// `summaries`, one per language, replacing that language's earlier one — through the practice update path,
// so it syncs like any other change of the practice.
import type { Summary } from '../../shared/schemas/practice.ts';
import { sameLanguage } from '../../shared/translate/languages.ts';
import { getPractice, updatePractice } from '../store/practices.ts';

export function withSummary(summaries: readonly Summary[], next: Summary): Summary[] {
  return [...summaries.filter((s) => !sameLanguage(s.lang, next.lang)), next].sort((a, b) =>
    a.lang.localeCompare(b.lang),
  );
}

export async function saveSummary(practiceId: string, summary: Summary, now = new Date()): Promise<void> {
  const practice = await getPractice(practiceId);
  if (!practice) throw new Error(`practice ${practiceId} not found`);
  await updatePractice(practiceId, { summaries: withSummary(practice.summaries ?? [], summary) }, now);
}
