// Contacts stated in plain text: a selected contact block ("Dr. Anna Rossi / Responsabile Ufficio
// Intercultura / Tel. 051 219 4455 / anna.rossi@comune.bologna.it") gives one; a selected staff list gives
// one per person. The facts are read in order and a new person starts
//   1. at a name, when the current person already has a name or a way to be reached;
//   2. at a role or department that follows a reached person and precedes a new name or new details
//      (role-first lists: "Head of Culture / Jane Doe / jane@…");
//   3. at each table row.
// An organisation or department stated above the first person, in a list of several, is everyone's.
import { type ContactDraft, draftFrom, isEmptyDraft } from './contact-draft.ts';
import { readTextFacts, type TextFact } from './text-facts.ts';

type Field = 'name' | 'role' | 'department' | 'organisation';
type FieldFact = Extract<TextFact, { kind: Field }>;
type DetailFact = Exclude<TextFact, FieldFact | { kind: 'row' }>;

function reached(draft: ContactDraft): boolean {
  return (
    draft.emails.length + draft.phones.length + draft.invalidEmails.length + draft.invalidPhones.length > 0
  );
}

function addUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function setField(draft: ContactDraft, fact: FieldFact): void {
  const current = draft[fact.kind];
  if (!current) draft[fact.kind] = fact.value;
  // A second role or department of the same person ("Head of Unit" and "ICC coordinator") is kept too.
  else if (fact.kind !== 'name' && !current.includes(fact.value))
    draft[fact.kind] = `${current}, ${fact.value}`;
  draft.sources[fact.kind] = 'text';
}

function addDetail(draft: ContactDraft, fact: DetailFact): void {
  if (fact.kind === 'email') addUnique(draft.emails, fact.value);
  else if (fact.kind === 'invalid-email') addUnique(draft.invalidEmails, fact.value);
  else if (fact.kind === 'phone') addUnique(draft.phones, fact.value);
  else if (fact.kind === 'invalid-phone') addUnique(draft.invalidPhones, fact.value);
  else if (!draft.website) draft.website = fact.value;
  if (fact.kind === 'email') draft.sources.emails = 'text';
  else if (fact.kind === 'phone') draft.sources.phones = 'text';
  else if (fact.kind === 'website') draft.sources.website = 'text';
}

function isField(fact: TextFact): fact is FieldFact {
  return (
    fact.kind === 'name' || fact.kind === 'role' || fact.kind === 'department' || fact.kind === 'organisation'
  );
}

export function contactsFromText(text: string, country: string): ContactDraft[] {
  const drafts: ContactDraft[] = [];
  let current = draftFrom('text', {});
  // Fields seen after the current person was reached: theirs, or the next person's (see step 2).
  let pending: FieldFact[] = [];
  // Organisation and department stated before the first name: the heading of a list.
  const heading: FieldFact[] = [];

  const startNext = () => {
    drafts.push(current);
    current = draftFrom('text', {});
    for (const fact of pending) setField(current, fact);
    pending = [];
  };

  for (const fact of readTextFacts(text, country)) {
    if (fact.kind === 'row') {
      // 3. A table row is one contact: the next row starts the next one.
      for (const field of pending) setField(current, field);
      pending = [];
      if (!isEmptyDraft(current) || current.role) startNext();
    } else if (fact.kind === 'name') {
      if (current.name || reached(current)) startNext();
      setField(current, fact);
    } else if (isField(fact)) {
      if (reached(current)) pending.push(fact);
      else {
        if (drafts.length === 0 && !current.name && fact.kind !== 'role') heading.push(fact);
        setField(current, fact);
      }
    } else {
      // Details after a pending role that repeat a kind this person already has belong to someone new.
      const repeats =
        (fact.kind === 'email' && current.emails.length > 0) ||
        (fact.kind === 'phone' && current.phones.length > 0);
      if (pending.some((f) => f.kind === 'role' || f.kind === 'name') && repeats) startNext();
      else {
        for (const field of pending) setField(current, field);
        pending = [];
      }
      addDetail(current, fact);
    }
  }
  for (const fact of pending) setField(current, fact);
  drafts.push(current);

  const people = drafts.filter((d) => !isEmptyDraft(d));
  if (people.length > 1) {
    for (const draft of people) for (const fact of heading) if (!draft[fact.kind]) setField(draft, fact);
  }
  return people;
}
