// Before a contact is erased: the practices whose words still name them. Erasure removes the contact, its
// links and every copy of its data, but not what members wrote in a practice's title, summary, note or tags
// ("call Giulia Rossi on Tuesday"); the coordinator is shown those practices so the erasure can be completed
// by hand (GDPR Art. 17). Matching is accent- and case-insensitive, on whole words: the full name, an e-mail
// address, or a phone number's digits.

import type { Practice } from '../../shared/schemas/practice.ts';
import type { Stakeholder } from '../../shared/schemas/stakeholder.ts';
import { foldText, searchTokens } from '../../shared/search/fold.ts';

type Written = Pick<Practice, 'id' | 'title' | 'excerpt' | 'note' | 'tags' | 'summaries'>;

/** The practices (in the given order) whose written text names the contact. */
export function practicesMentioning<P extends Written>(
  contact: Pick<Stakeholder, 'name' | 'emails' | 'phones'>,
  practices: readonly P[],
): P[] {
  const name = searchTokens(contact.name).join(' ');
  const emails = contact.emails.map((e) => foldText(e.trim())).filter(Boolean);
  // At least 6 digits, so a short extension number does not match every year or budget figure.
  const phones = contact.phones.map((p) => p.replace(/\D/g, '')).filter((d) => d.length >= 6);
  if (!name && emails.length === 0 && phones.length === 0) return [];
  return practices.filter((p) => {
    const written = [p.title, p.excerpt, p.note, ...p.tags, ...p.summaries.map((s) => s.text)].join('\n');
    if (name && ` ${searchTokens(written).join(' ')} `.includes(` ${name} `)) return true;
    const folded = foldText(written);
    if (emails.some((e) => folded.includes(e))) return true;
    if (phones.length) {
      const digits = written.replace(/[\s().\-/]/g, '');
      if (phones.some((d) => digits.includes(d))) return true;
    }
    return false;
  });
}
