// The period report (issue 6): what a city's library gained over a chosen period, for the programme or for
// political leaders — new practices by Index area, the areas still without any evidence, stakeholders
// engaged, translations reviewed and who contributed. The data is computed by the server
// (server/library/report.ts); rendering it as Markdown is pure and lives here, in English or French, with
// the Index areas' labels from the taxonomy.

import { indexAreaLabel } from '../taxonomy/index.ts';
import { z } from '../zod.ts';

export const reportDataSchema = z.object({
  city: z.object({ id: z.string(), name: z.string() }),
  /** Inclusive days, YYYY-MM-DD (UTC). */
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  newPractices: z.object({
    total: z.number().int().describe('live practices clipped in the period'),
    byArea: z
      .array(z.object({ areaId: z.string(), count: z.number().int() }))
      .describe('all 18 Index areas, taxonomy order; a practice counts in each of its areas'),
  }),
  areasWithoutEvidence: z
    .array(z.string())
    .describe('Index areas with no live practice clipped up to the end of the period'),
  stakeholders: z.object({
    created: z.number().int().describe('live stakeholders created in the period'),
    linked: z.number().int().describe('distinct live stakeholders named by practices clipped in the period'),
  }),
  translationsReviewed: z.number().int().describe('snippet translations marked reviewed in the period'),
  contributors: z.array(z.object({ memberId: z.string(), name: z.string(), count: z.number().int() })),
});
export type ReportData = z.infer<typeof reportDataSchema>;

export type ReportLang = 'en' | 'fr';

const text = {
  en: {
    title: (city: string) => `Intercultural practices report — ${city}`,
    period: (from: string, to: string) => `Period: ${from} to ${to}.`,
    summary: 'Summary',
    newPractices: 'New practices',
    stakeholdersCreated: 'Stakeholders added',
    stakeholdersLinked: 'Stakeholders linked to new practices',
    translationsReviewed: 'Translations reviewed',
    byArea: 'New practices by Index area',
    area: 'Index area',
    count: 'Practices',
    noneNew: 'No new practice in this period.',
    without: 'Index areas still without evidence',
    allCovered: 'Every Index area has at least one practice.',
    contributors: 'Contributors',
    name: 'Name',
    noContributors: 'Nobody added a practice in this period.',
    generated: (at: string) => `Generated on ${at} by ICC Clipper.`,
  },
  fr: {
    title: (city: string) => `Rapport sur les pratiques interculturelles — ${city}`,
    period: (from: string, to: string) => `Période : du ${from} au ${to}.`,
    summary: 'En bref',
    newPractices: 'Nouvelles pratiques',
    stakeholdersCreated: 'Parties prenantes ajoutées',
    stakeholdersLinked: 'Parties prenantes liées aux nouvelles pratiques',
    translationsReviewed: 'Traductions relues',
    byArea: 'Nouvelles pratiques par domaine de l’Index',
    area: 'Domaine de l’Index',
    count: 'Pratiques',
    noneNew: 'Aucune nouvelle pratique sur cette période.',
    without: 'Domaines de l’Index encore sans élément',
    allCovered: 'Chaque domaine de l’Index a au moins une pratique.',
    contributors: 'Contributeurs et contributrices',
    name: 'Nom',
    noContributors: 'Personne n’a ajouté de pratique sur cette période.',
    generated: (at: string) => `Généré le ${at} par ICC Clipper.`,
  },
} as const;

export const reportLabels = text;

/** Text safe inside a Markdown line or table cell. */
const cell = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>#|])/g, '\\$1')
    .trim();

export function renderReportMarkdown(data: ReportData, lang: ReportLang): string {
  const t = text[lang];
  const out: string[] = [
    `# ${t.title(cell(data.city.name))}`,
    '',
    t.period(data.from, data.to),
    '',
    `## ${t.summary}`,
    '',
    `- ${t.newPractices}: ${data.newPractices.total}`,
    `- ${t.stakeholdersCreated}: ${data.stakeholders.created}`,
    `- ${t.stakeholdersLinked}: ${data.stakeholders.linked}`,
    `- ${t.translationsReviewed}: ${data.translationsReviewed}`,
    '',
    `## ${t.byArea}`,
    '',
  ];
  const withPractices = data.newPractices.byArea.filter((a) => a.count > 0);
  if (withPractices.length === 0) out.push(t.noneNew, '');
  else {
    out.push(`| ${t.area} | ${t.count} |`, '| --- | ---: |');
    for (const a of withPractices) out.push(`| ${cell(indexAreaLabel(a.areaId, lang))} | ${a.count} |`);
    out.push('');
  }
  out.push(`## ${t.without}`, '');
  if (data.areasWithoutEvidence.length === 0) out.push(t.allCovered, '');
  else {
    for (const id of data.areasWithoutEvidence) out.push(`- ${cell(indexAreaLabel(id, lang))}`);
    out.push('');
  }
  out.push(`## ${t.contributors}`, '');
  if (data.contributors.length === 0) out.push(t.noContributors, '');
  else {
    out.push(`| ${t.name} | ${t.count} |`, '| --- | ---: |');
    for (const c of data.contributors) out.push(`| ${cell(c.name)} | ${c.count} |`);
    out.push('');
  }
  out.push('---', '', t.generated(data.generatedAt.slice(0, 10)));
  return `${out.join('\n')}\n`;
}
