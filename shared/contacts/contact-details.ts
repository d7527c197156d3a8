// Which stakeholder fields are contact details, and the redacted view of a stakeholder for members who may
// not see them. The rule (server/README.md, "Contacts and viewers"): a viewer sees who is involved (name,
// organisation, role, department, type, topics, languages, website, lawful basis and review date) but not
// how to reach the person or what was noted about them, unless the city's coordinator allows it
// (city setting viewersSeeContacts). One list, used by the server's pull, conflicts and search.
import type { z } from 'zod';
import type { stakeholderFields } from '../schemas/stakeholder.ts';

/** A stakeholder's own fields (what a client writes), typed from the shared schema. */
export type StakeholderValues = {
  [K in keyof typeof stakeholderFields]: z.output<(typeof stakeholderFields)[K]>;
};

export const contactDetailFields = ['emails', 'phones', 'notes', 'lawfulBasisNote'] as const;
export type ContactDetailField = (typeof contactDetailFields)[number];

const empty: Record<ContactDetailField, unknown> = { emails: [], phones: [], notes: '', lawfulBasisNote: '' };

export function isContactDetailField(field: string): field is ContactDetailField {
  return (contactDetailFields as readonly string[]).includes(field);
}

/**
 * The stakeholder with its contact details emptied (still valid against stakeholderSchema) and `redacted`
 * naming the emptied fields, so a client can say "hidden" rather than "none".
 */
export function redactContactDetails<T extends Record<string, unknown>>(
  stakeholder: T,
): T & { redacted: ContactDetailField[] } {
  return { ...stakeholder, ...empty, redacted: [...contactDetailFields] };
}
