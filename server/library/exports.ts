// Exports for the dashboard (issue 6): the library, or the filtered view the member is looking at, as CSV (a
// spreadsheet: one row per practice, RFC 4180 with a BOM, cells defused as in shared/contacts/csv.ts), JSON
// (every field including the Markdown content, schema practiceExportSchema) or Markdown (a readable list);
// and the city's contacts as vCard or CSV (shared/contacts), refused to members who may not see contact
// details (server/stakeholders/contact-visibility.ts) rather than handing them a redacted address book.
import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { LibraryQuery, practiceExportSchema } from '../../shared/api/library.ts';
import { byteOrderMark, csvCell, stakeholdersToCsv } from '../../shared/contacts/csv.ts';
import type { ExportLocale } from '../../shared/contacts/labels.ts';
import { stakeholdersToVCard, vCardMediaType } from '../../shared/contacts/vcard.ts';
import { markdownLinkDestination } from '../../shared/safe-link.ts';
import type { Role } from '../../shared/schemas/member.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import type { Stakeholder } from '../../shared/schemas/stakeholder.ts';
import { indexAreaLabel } from '../../shared/taxonomy/index.ts';
import type { Db } from '../db/client.ts';
import { libraryObjects } from '../db/schema/index.ts';
import { ApiError } from '../errors.ts';
import { hidesContactDetails } from '../stakeholders/contact-visibility.ts';
import { liveObjects, memberNames } from './objects.ts';
import { findDocs } from './search.ts';
import { catchUpSearchIndex } from './search-index.ts';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
}

export type PracticeExportFormat = 'csv' | 'json' | 'markdown';
type ExportedPractice = z.infer<typeof practiceExportSchema>['practices'][number];

const labels = {
  en: {
    id: 'ID',
    title: 'Title',
    url: 'URL',
    site: 'Site',
    excerpt: 'Summary',
    note: 'Note',
    areas: 'Index areas',
    tags: 'Tags',
    lang: 'Language',
    visibility: 'Visibility',
    clippedAt: 'Clipped at',
    contributor: 'Contributor',
    city: 'Kept in the city',
    network: 'Shared with the network',
    heading: 'Library',
    count: (n: number) => `${n} practice${n === 1 ? '' : 's'}, exported on`,
    none: 'No practice matches.',
  },
  fr: {
    id: 'Identifiant',
    title: 'Titre',
    url: 'Adresse',
    site: 'Site',
    excerpt: 'Résumé',
    note: 'Note',
    areas: 'Domaines de l’Index',
    tags: 'Étiquettes',
    lang: 'Langue',
    visibility: 'Visibilité',
    clippedAt: 'Ajoutée le',
    contributor: 'Contributeur ou contributrice',
    city: 'Gardée dans la ville',
    network: 'Partagée avec le réseau',
    heading: 'Bibliothèque',
    count: (n: number) => `${n} pratique${n > 1 ? 's' : ''}, exportée${n > 1 ? 's' : ''} le`,
    none: 'Aucune pratique ne correspond.',
  },
} as const;

/** The matching practices in the query's order (all pages), as exported. */
async function exportedPractices(db: Db, cityId: string, query: LibraryQuery): Promise<ExportedPractice[]> {
  await catchUpSearchIndex(db, cityId);
  const found = await findDocs(db, [cityId], query, { all: true });
  const ids = found.ids.map((i) => i.id);
  const records = new Map<string, Practice>();
  for (let at = 0; at < ids.length; at += 500) {
    const slice = ids.slice(at, at + 500);
    for (const p of await liveObjects<Practice>(db, cityId, 'practice', inArray(libraryObjects.id, slice)))
      records.set(p.id, p);
  }
  const names = await memberNames(db, cityId);
  return ids.flatMap((id) => {
    const p = records.get(id);
    if (!p) return [];
    return [
      {
        id: p.id,
        title: p.title,
        url: p.url,
        siteName: p.siteName,
        excerpt: p.excerpt,
        note: p.note,
        areas: p.areas,
        tags: p.tags,
        lang: p.lang,
        visibility: p.visibility,
        clippedAt: p.clippedAt,
        createdBy: p.createdBy ?? '',
        createdByName: p.createdBy ? (names.get(p.createdBy) ?? null) : null,
        contentMarkdown: p.contentMarkdown,
      },
    ];
  });
}

export async function exportPractices(
  db: Db,
  cityId: string,
  query: LibraryQuery,
  format: PracticeExportFormat,
  lang: ExportLocale,
  options: { cityName?: string; now?: number } = {},
): Promise<ExportFile> {
  const practices = await exportedPractices(db, cityId, { ...query, page: undefined, pageSize: undefined });
  const now = new Date(options.now ?? Date.now()).toISOString();
  const stem = `icc-library-${now.slice(0, 10)}`;
  const cityName = options.cityName ?? (await cityNameOf(db, cityId));
  if (format === 'json') {
    const filters = Object.fromEntries(
      Object.entries(query).filter(([k, v]) => v !== undefined && k !== 'page' && k !== 'pageSize'),
    );
    const body = { exportedAt: now, city: { id: cityId, name: cityName }, filters, practices };
    return {
      filename: `${stem}.json`,
      contentType: 'application/json;charset=utf-8',
      body: `${JSON.stringify(body, null, 2)}\n`,
    };
  }
  if (format === 'csv')
    return {
      filename: `${stem}.csv`,
      contentType: 'text/csv;charset=utf-8',
      body: practicesCsv(practices, lang),
    };
  return {
    filename: `${stem}.md`,
    contentType: 'text/markdown;charset=utf-8',
    body: practicesMarkdown(practices, lang, cityName, now),
  };
}

export function practicesCsv(list: readonly ExportedPractice[], lang: ExportLocale): string {
  const l = labels[lang];
  const header = [
    l.id,
    l.title,
    l.url,
    l.site,
    l.excerpt,
    l.note,
    l.areas,
    l.tags,
    l.lang,
    l.visibility,
    l.clippedAt,
    l.contributor,
  ];
  const rows = list.map((p) => [
    p.id,
    p.title,
    p.url,
    p.siteName ?? '',
    p.excerpt,
    p.note,
    p.areas.map((a) => indexAreaLabel(a, lang)).join('; '),
    p.tags.join('; '),
    p.lang ?? '',
    p.visibility,
    p.clippedAt,
    p.createdByName ?? p.createdBy,
  ]);
  return byteOrderMark + [header, ...rows].map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
}

/**
 * Markdown text safe inside a line: no leading block syntax, no raw HTML (every < escaped), no stray link,
 * image or emphasis syntax (brackets, parentheses, backslashes escaped).
 */
const inline = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]()<>#|!])/g, '\\$1')
    .trim();

/**
 * A practice's heading: its title linked to its page when the address may be a live link (http(s), mailto,
 * tel; shared/safe-link.ts), the destination percent-encoded so nothing in it is read as Markdown or HTML.
 * Any other address (a clipped file:, or one stored before the schemas refused the rest) is a plain line.
 */
function practiceHeading(p: ExportedPractice, l: (typeof labels)[ExportLocale]): string[] {
  const destination = markdownLinkDestination(p.url);
  return destination
    ? [`## [${inline(p.title)}](${destination})`, '']
    : [`## ${inline(p.title)}`, '', `- ${l.url}: ${inline(p.url)}`];
}

export function practicesMarkdown(
  list: readonly ExportedPractice[],
  lang: ExportLocale,
  cityName: string,
  now: string,
): string {
  const l = labels[lang];
  const out = [
    `# ${l.heading} — ${inline(cityName)}`,
    '',
    `${l.count(list.length)} ${now.slice(0, 10)}.`,
    '',
  ];
  if (list.length === 0) out.push(l.none, '');
  for (const p of list) {
    out.push(...practiceHeading(p, l));
    if (p.siteName) out.push(`- ${l.site}: ${inline(p.siteName)}`);
    if (p.areas.length) out.push(`- ${l.areas}: ${p.areas.map((a) => indexAreaLabel(a, lang)).join(', ')}`);
    if (p.tags.length) out.push(`- ${l.tags}: ${p.tags.map(inline).join(', ')}`);
    out.push(`- ${l.clippedAt}: ${p.clippedAt.slice(0, 10)}`);
    out.push(`- ${l.contributor}: ${inline(p.createdByName ?? p.createdBy)}`);
    out.push(`- ${l.visibility}: ${p.visibility === 'network' ? l.network : l.city}`, '');
    if (p.excerpt.trim()) out.push(`> ${inline(p.excerpt)}`, '');
    if (p.note.trim()) out.push(`${l.note}: ${inline(p.note)}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

async function cityNameOf(db: Db, cityId: string): Promise<string> {
  const r = await db.$client.execute({ sql: 'SELECT name FROM cities WHERE id = ?', args: [cityId] });
  return String(r.rows[0]?.name ?? '');
}

export type ContactsCaller =
  | { cityId: string; role: Role; viewersSeeContacts: boolean }
  /** The authenticated caller as the routes hold it (server/app-env.ts). */
  | { member: { role: Role }; city: { id: string; viewersSeeContacts: boolean } };

const flatCaller = (c: ContactsCaller) =>
  'member' in c
    ? { cityId: c.city.id, role: c.member.role, viewersSeeContacts: c.city.viewersSeeContacts }
    : c;

/** The city's live contacts; 403 for a viewer when the city hides contact details from viewers. */
export async function exportContacts(
  db: Db,
  who: ContactsCaller,
  format: 'vcard' | 'csv',
  options: { locale?: ExportLocale; now?: number } = {},
): Promise<ExportFile> {
  const caller = flatCaller(who);
  if (
    hidesContactDetails({
      member: { role: caller.role },
      city: { viewersSeeContacts: caller.viewersSeeContacts },
    } as never)
  )
    throw new ApiError(
      403,
      'forbidden',
      'viewers of this city may not see contact details, so cannot export them',
    );
  const list = (await liveObjects<Stakeholder>(db, caller.cityId, 'stakeholder')).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const locale = options.locale ?? 'en';
  const stem = `icc-contacts-${new Date(options.now ?? Date.now()).toISOString().slice(0, 10)}`;
  return format === 'vcard'
    ? { filename: `${stem}.vcf`, contentType: vCardMediaType, body: stakeholdersToVCard(list, { locale }) }
    : {
        filename: `${stem}.csv`,
        contentType: 'text/csv;charset=utf-8',
        body: stakeholdersToCsv(list, { locale }),
      };
}
