// One draft per person when several sources describe them: the same e-mail address, or the same name
// ("Dr. Anna Rossi" and "ROSSI Anna"), is the same person — unless both have a name and the names differ
// (two colleagues sharing an office address stay two people). Lists are united; for a single field the more
// structured source wins (a vCard or schema.org states fields outright, text is read by heuristics).
import { type ContactDraft, draftFields, type PrefillSource } from './contact-draft.ts';
import { nameKey } from './person-name.ts';

const priority: PrefillSource[] = ['vcard', 'json-ld', 'microdata', 'mailto', 'tel', 'text'];
const rank = (source: PrefillSource | undefined) => (source ? priority.indexOf(source) : priority.length);

export function sameContact(a: ContactDraft, b: ContactDraft): boolean {
  const nameA = a.name ? nameKey(a.name) : '';
  const nameB = b.name ? nameKey(b.name) : '';
  if (nameA && nameB) return nameA === nameB;
  return a.emails.some((email) => b.emails.includes(email));
}

function union(into: string[], from: readonly string[]): string[] {
  return [...into, ...from.filter((item) => !into.includes(item))];
}

/** `a` and `b` as one draft; neither is changed. */
export function mergeTwo(a: ContactDraft, b: ContactDraft): ContactDraft {
  const merged: ContactDraft = { ...a, sources: { ...a.sources } };
  for (const field of draftFields) {
    const fromB = b.sources[field];
    if (field === 'emails' || field === 'phones') {
      merged[field] = union(a[field], b[field]);
      if (b[field].length > 0 && rank(fromB) < rank(merged.sources[field])) merged.sources[field] = fromB;
      continue;
    }
    const value = b[field];
    if (value && (!a[field] || rank(fromB) < rank(a.sources[field]))) {
      (merged as unknown as Record<string, unknown>)[field] = value;
      merged.sources[field] = fromB;
    }
  }
  merged.invalidEmails = union(a.invalidEmails, b.invalidEmails);
  merged.invalidPhones = union(a.invalidPhones, b.invalidPhones);
  return merged;
}

/** The drafts with every pair that describes one person merged, in the order first seen. */
export function mergeDrafts(drafts: readonly ContactDraft[]): ContactDraft[] {
  const out: ContactDraft[] = [];
  for (const draft of drafts) {
    const at = out.findIndex((existing) => sameContact(existing, draft));
    if (at === -1) out.push(draft);
    else out[at] = mergeTwo(out[at]!, draft);
  }
  // A merge can make two earlier drafts the same person (a name from one, the address of the other).
  return out.length < drafts.length && out.length > 1 ? mergeAgain(out) : out;
}

function mergeAgain(drafts: ContactDraft[]): ContactDraft[] {
  for (let i = 0; i < drafts.length; i++) {
    for (let j = i + 1; j < drafts.length; j++) {
      if (sameContact(drafts[i]!, drafts[j]!)) {
        const rest = drafts.filter((_, k) => k !== i && k !== j);
        rest.splice(i, 0, mergeTwo(drafts[i]!, drafts[j]!));
        return mergeAgain(rest);
      }
    }
  }
  return drafts;
}
