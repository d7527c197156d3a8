// What an unlabelled piece of a contact block says: a person's name, a role, a department, an organisation,
// or something else (an address, opening hours, a sentence). The order of the tests is the point: "Chef du
// service Intégration" is a role although it names a service, "Direction de la Culture de la Ville de Lyon"
// a department although it names a city.
import { leadingHonorific } from './honorifics.ts';
import { isPersonName } from './person-name.ts';
import {
  endsWithDepartment,
  germanDepartmentCompound,
  mentionsOrganisation,
  mentionsRole,
  startsWithDepartment,
  startsWithRole,
} from './staff-vocabulary.ts';

export type LineKind = 'name' | 'role' | 'department' | 'organisation' | 'other';

/** Longer than this, a piece is prose, not a field. */
const maxFieldLength = 120;

export function looksLikeProse(text: string): boolean {
  // A sentence ends with a full stop after a lower-case word, or runs long.
  return text.length > maxFieldLength || text.split(/\s+/).length > 14 || /\p{Ll}{2}[.!?]$/u.test(text);
}

export function classifyPiece(piece: string): LineKind {
  const text = piece.replace(/\s+/g, ' ').trim();
  if (!text || looksLikeProse(text) || /\d{3,}/.test(text)) return 'other';
  if (startsWithRole.test(text)) return 'role';
  const first = text.split(' ')[0] ?? '';
  if (startsWithDepartment.test(text) || germanDepartmentCompound.test(first)) return 'department';
  if (mentionsOrganisation.test(text)) return 'organisation';
  // "Equalities Officer" is capitalised like a name; a role word says otherwise, unless a title precedes it.
  if (text.length <= 80 && mentionsRole.test(text) && !leadingHonorific(text)) return 'role';
  if (isPersonName(text)) return 'name';
  if (text.length <= 80 && endsWithDepartment.test(text) && /^\p{Lu}/u.test(text)) return 'department';
  return 'other';
}
