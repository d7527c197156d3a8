// The viewer rule for contact details (server/README.md, "Contacts and viewers"): a viewer gets
// stakeholders with e-mails, phones, notes and lawful-basis notes emptied, unless the city's coordinator
// allows viewers to see them (cities.viewers_see_contacts). Applied to pulls, conflicts and search.
import { isContactDetailField, redactContactDetails } from '../../shared/contacts/contact-details.ts';
import type { Caller } from '../app-env.ts';

export const hidesContactDetails = (caller: Pick<Caller, 'member' | 'city'>) =>
  caller.member.role === 'viewer' && !caller.city.viewersSeeContacts;

/** A stakeholder object as this caller may see it. */
export function stakeholderFor<T extends Record<string, unknown>>(
  caller: Pick<Caller, 'member' | 'city'>,
  object: T,
) {
  return hidesContactDetails(caller) ? redactContactDetails(object) : object;
}

/** Whether a conflict record's values must be hidden from this caller. */
export const hidesConflictValues = (caller: Pick<Caller, 'member' | 'city'>, kind: string, field: string) =>
  kind === 'stakeholder' && isContactDetailField(field) && hidesContactDetails(caller);
