// Contacts stated as schema.org data (https://schema.org/Person, /Organization, /ContactPoint), whether the
// page wrote them in JSON-LD or microdata: a Person's name, jobTitle, email, telephone, url, and the
// organisation it worksFor (or is affiliated with, or a member of); an Organization's own e-mail and phone;
// each ContactPoint of an organisation. People listed under an organisation (employee, member, founder)
// work for it. A node that gives no way to reach anyone and no role is not a contact (every page's
// publisher is an Organization with a logo).
import { type ContactDraft, draftFrom, type PrefillSource } from './contact-draft.ts';
import { cleanEmail, isValidEmail } from './email-address.ts';
import { isSchemaNode, type SchemaNode, typesOf } from './json-ld-nodes.ts';
import { cleanName } from './person-name.ts';
import { readPhones } from './phone-values.ts';
import { websiteOf } from './website.ts';

const organisationType =
  /Organi[sz]ation$|^(LocalBusiness|NGO|Corporation|GovernmentOffice|CityHall|CollegeOrUniversity|School|Library|Consortium|Project|FundingScheme|ResearchProject)$/;
const peopleKeys = ['employee', 'employees', 'member', 'members', 'founder', 'contact', 'author'];

function list(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function text(value: unknown): string {
  const first = list(value)[0];
  if (typeof first === 'string' || typeof first === 'number')
    return String(first).replace(/\s+/g, ' ').trim();
  if (isSchemaNode(first)) return text(first['@value'] ?? first.name);
  return '';
}

function nameOf(node: SchemaNode): string {
  const name = text(node.name) || [text(node.givenName), text(node.familyName)].filter(Boolean).join(' ');
  return name ? cleanName(name) : '';
}

function is(node: SchemaNode, kind: 'Person' | 'Organization' | 'ContactPoint'): boolean {
  const types = typesOf(node);
  if (kind === 'Organization') return types.some((t) => organisationType.test(t));
  return (
    types.includes(kind) ||
    (kind === 'ContactPoint' && types.includes('PostalAddress') && 'telephone' in node)
  );
}

interface Reach {
  emails: string[];
  invalidEmails: string[];
  phones: string[];
  invalidPhones: string[];
}

function reachOf(node: SchemaNode, country: string): Reach {
  const reach: Reach = { emails: [], invalidEmails: [], phones: [], invalidPhones: [] };
  for (const raw of list(node.email).map(text).filter(Boolean)) {
    const email = cleanEmail(raw);
    if (isValidEmail(email)) reach.emails.push(email);
    else reach.invalidEmails.push(raw);
  }
  for (const raw of list(node.telephone).map(text).filter(Boolean)) {
    const { phones, invalid } = readPhones(raw, country);
    reach.phones.push(...phones);
    reach.invalidPhones.push(...invalid);
  }
  return reach;
}

/** The organisation a person works for and the department inside it, when the data says so. */
function employer(
  person: SchemaNode,
  parent: SchemaNode | null,
): { organisation: string; department: string } {
  const org =
    [person.worksFor, person.affiliation, person.memberOf].flatMap(list).find(isSchemaNode) ?? parent;
  if (!org) {
    const named = [person.worksFor, person.affiliation, person.memberOf].map(text).find(Boolean);
    return { organisation: named ?? '', department: '' };
  }
  const above = list(org.parentOrganization).find(isSchemaNode);
  // A Person working for "Service Intégration", itself part of "Ville de Lyon".
  return above
    ? { organisation: nameOf(above), department: nameOf(org) }
    : { organisation: nameOf(org), department: '' };
}

export interface SchemaOrgOptions {
  country: string;
  source: PrefillSource;
  /** What relative `url` values resolve against (microdata links are often relative). */
  base?: string;
}

function isReachable(reach: Reach): boolean {
  return (
    reach.emails.length + reach.phones.length + reach.invalidEmails.length + reach.invalidPhones.length > 0
  );
}

export function schemaOrgContacts(nodes: SchemaNode[], options: SchemaOrgOptions): ContactDraft[] {
  const { country, source, base } = options;
  const urlOf = (node: SchemaNode) => websiteOf(text(node.url), base ? { base } : {});
  const drafts: ContactDraft[] = [];
  const seen = new Set<SchemaNode>();

  const visit = (node: SchemaNode, parent: SchemaNode | null) => {
    if (seen.has(node)) return;
    seen.add(node);
    const reach = reachOf(node, country);
    const reachable = isReachable(reach);
    const website = urlOf(node);
    if (is(node, 'Person')) {
      const role = text(node.jobTitle) || text(node.hasOccupation);
      if (nameOf(node) && (reachable || role)) {
        drafts.push(
          draftFrom(source, { name: nameOf(node), role, ...employer(node, parent), ...reach, website }),
        );
      }
    } else if (is(node, 'Organization')) {
      const above = list(node.parentOrganization).find(isSchemaNode);
      if (reachable) {
        drafts.push(
          draftFrom(source, {
            name: nameOf(node),
            organisation: above ? nameOf(above) : '',
            ...reach,
            website,
          }),
        );
      }
      for (const point of list(node.contactPoint).filter(isSchemaNode)) {
        seen.add(point);
        const pointReach = reachOf(point, country);
        if (!isReachable(pointReach)) continue;
        drafts.push(
          draftFrom(source, {
            name: nameOf(point),
            organisation: nameOf(node),
            department: text(point.contactType),
            ...pointReach,
            website: urlOf(point),
          }),
        );
      }
    } else if (is(node, 'ContactPoint') && reachable) {
      drafts.push(
        draftFrom(source, { name: nameOf(node), department: text(node.contactType), ...reach, website }),
      );
    }
    for (const key of peopleKeys)
      for (const child of list(node[key]).filter(isSchemaNode)) visit(child, node);
    // A department of an organisation is part of it, whether or not it says so itself.
    for (const key of ['department', 'subOrganization']) {
      for (const child of list(node[key]).filter(isSchemaNode)) {
        seen.add(child);
        visit({ ...child, parentOrganization: child.parentOrganization ?? node }, null);
      }
    }
    // People and organisations nested elsewhere (a WebPage's `about` or `mainEntity`, an ItemList).
    for (const key of ['mainEntity', 'about', 'itemListElement', 'item']) {
      for (const child of list(node[key]).filter(isSchemaNode)) visit(child, null);
    }
  };

  for (const node of nodes) visit(node, null);
  return drafts;
}
