// A contact written as a sentence: "For more information please contact Ben Carter, Programme Manager for
// Inclusive Communities, on 0161 234 5000 or email …", "contactez Mme Claire Dubois au 04 72 10 30 30",
// "rivolgersi a Giulia Ferraro, tel. …", "wenden Sie sich an Frau Petra Schmidt unter 0711 …". Only what
// the sentence plainly says: the name after a "contact" verb, the role in the commas after it, and numbers
// written as phone numbers that are valid ones (an invalid run in prose may be anything: it is not reported).
import { normalisePhone, phoneForRecord } from '../../../shared/contacts/phone.ts';
import { classifyPiece } from './line-kind.ts';
import { cleanName, isPersonName } from './person-name.ts';
import { looksDialled, phoneRuns } from './phone-runs.ts';
import type { TextFact } from './text-facts.ts';

const contactVerb =
  /(?:contact|contactez|contacter|contattare|contatta|contattate|rivolgersi a|rivolgetevi a|wenden sie sich an|kontaktieren sie|póngase en contacto con|contacte con|contactar con|contacte|contactar|entre em contacto com|contacte o|contacte a)\s+/giu;
// An honorific, then up to five words starting with a capital (particles allowed inside).
const nameAfter =
  /^((?:[\p{Lu}][\p{L}.ª]*\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:de|da|di|del|della|van|von|der|du|dos|das|do|la|le|y|i)?\s*\p{Lu}[\p{L}'’-]+){1,4})/u;

function nameAndRole(sentence: string): TextFact[] {
  for (const verb of sentence.matchAll(contactVerb)) {
    const rest = sentence.slice(verb.index + verb[0].length);
    const name = nameAfter.exec(rest)?.[1]?.trim();
    if (!name || !isPersonName(name)) continue;
    const facts: TextFact[] = [{ kind: 'name', value: cleanName(name) }];
    // ", Programme Manager for Inclusive Communities," right after the name.
    const role = /^,\s*([^,;()]{3,100}?)\s*(?:,|\(|;|$)/u.exec(rest.slice(name.length))?.[1];
    if (role && classifyPiece(role) === 'role') facts.push({ kind: 'role', value: role.trim() });
    return facts;
  }
  return [];
}

export function proseFacts(sentence: string, country: string): TextFact[] {
  const facts = nameAndRole(sentence);
  for (const run of phoneRuns(sentence)) {
    if (!looksDialled(run)) continue;
    const phone = normalisePhone(run, country);
    if (phone.ok) facts.push({ kind: 'phone', value: phoneForRecord(phone) });
  }
  return facts;
}
