// Request and response schemas of the city library on the web (issue 6): search and browse, a practice's
// page, aggregates and Index coverage, the network view, exports and the period report. Query strings are
// parsed with `parseParams` (repeated parameters for lists, unknown parameters refused by name), so the JSON
// routes and the server-rendered pages read filters the same way.

import { reportDataSchema } from '../report/period-report.ts';
import { highlightSchema } from '../schemas/highlight.ts';
import { practiceSchema } from '../schemas/practice.ts';
import { snippetSchema } from '../schemas/snippet.ts';
import { indexAreaIds } from '../taxonomy/index.ts';
import { z } from '../zod.ts';
import { visibleStakeholderSchema } from './stakeholders.ts';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  );

const areaId = z.string().refine((id) => indexAreaIds.includes(id), 'unknown ICC Index area');
const positiveInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const sortOrders = ['relevance', 'newest', 'oldest'] as const;

/** The filters of the library list, search and exports. Lists are OR within a filter, AND across filters. */
export const libraryFilterShape = {
  q: z
    .string()
    .max(200)
    .optional()
    .describe('words that must each start a word of the practice (accents and case ignored)'),
  areas: z.array(areaId).max(18).optional().describe('Index area ids (repeat the parameter); any of them'),
  tags: z.array(z.string().min(1).max(64)).max(50).optional().describe('tags, case-insensitive; any of them'),
  contributors: z.array(z.string().min(1).max(100)).max(100).optional().describe('member ids; any of them'),
  from: day.optional().describe('clipped on or after this day (UTC)'),
  to: day.optional().describe('clipped on or before this day (UTC)'),
  lang: z.string().min(2).max(35).optional().describe('the page language; "fr" also finds "fr-BE"'),
  visibility: z.enum(['city', 'network']).optional(),
};

export const libraryQuerySchema = z
  .object({
    ...libraryFilterShape,
    sort: z.enum(sortOrders).optional().describe('default: relevance with words, newest without'),
    page: positiveInt(1, 100_000).optional(),
    pageSize: positiveInt(1, 100).optional().describe('default 20'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after `to`', path: ['from'] });
export type LibraryQuery = z.output<typeof libraryQuerySchema>;

/** The parameters that may be repeated; every other one must appear at most once. */
const listParams = new Set(['areas', 'tags', 'contributors']);

export class ParamError extends Error {
  constructor(readonly issues: { path: PropertyKey[]; message: string }[]) {
    super(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    this.name = 'ParamError';
  }
}

/**
 * A query string as the schema's input: list parameters as arrays (`areas=a&areas=b`, also `areas=a,b`),
 * others as strings; an unknown or repeated parameter is an issue naming it. Throws ParamError.
 */
export function paramsObject(
  params: URLSearchParams,
  schema: z.ZodObject | z.ZodType,
): Record<string, string | string[]> {
  const known = new Set(Object.keys(shapeOf(schema)));
  const issues: { path: PropertyKey[]; message: string }[] = [];
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (!known.has(key)) issues.push({ path: [key], message: 'unknown parameter' });
    else if (listParams.has(key))
      out[key] = values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
    else if (values.length > 1) issues.push({ path: [key], message: 'given more than once' });
    else if (values[0] !== '') out[key] = values[0]!;
  }
  if (issues.length) throw new ParamError(issues);
  return out;
}

function shapeOf(schema: z.ZodType): Record<string, unknown> {
  let s: unknown = schema;
  // Unwrap refinements/pipes down to the object.
  for (let i = 0; i < 5 && s && !(s instanceof z.ZodObject); i++) {
    const def = (s as { def?: { in?: unknown; schema?: unknown; innerType?: unknown } }).def;
    s = def?.in ?? def?.schema ?? def?.innerType;
  }
  return s instanceof z.ZodObject ? s.shape : {};
}

/** Parses a query string with `schema`; throws ParamError naming the parameter on any problem. */
export function parseParams<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
  const parsed = schema.safeParse(paramsObject(params, schema));
  if (!parsed.success) throw new ParamError(parsed.error.issues);
  return parsed.data;
}

/** Routes without parameters still refuse unknown ones. */
export const emptyQuerySchema = z.object({});

export const segmentSchema = z.object({ text: z.string(), match: z.boolean() });
export type Segment = z.infer<typeof segmentSchema>;

export const practiceHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  siteName: z.string().nullable(),
  excerpt: z.string(),
  areas: z.array(z.string()),
  tags: z.array(z.string()),
  lang: z.string().nullable(),
  visibility: z.enum(['city', 'network']),
  clippedAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  titleMarks: z.array(segmentSchema).describe('the title cut into segments; `match` marks the query words'),
  excerptMarks: z.array(segmentSchema),
});
export type PracticeHit = z.infer<typeof practiceHitSchema>;

export const searchResultSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(practiceHitSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const networkHitSchema = practiceHitSchema.extend({ cityId: z.string(), cityName: z.string() });
export type NetworkHit = z.infer<typeof networkHitSchema>;
export const networkSearchResultSchema = searchResultSchema.extend({ items: z.array(networkHitSchema) });
export type NetworkSearchResult = z.infer<typeof networkSearchResultSchema>;

export const periodQuerySchema = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after `to`', path: ['from'] });
export type Period = z.output<typeof periodQuerySchema>;

const areaCount = z.object({
  areaId: z.string(),
  count: z.number().int(),
  lastAddedAt: z.string().nullable(),
});

export const aggregatesSchema = z.object({
  total: z.number().int(),
  byArea: z.array(areaCount).describe('all 18 Index areas in taxonomy order, zeros included'),
  byContributor: z.array(z.object({ memberId: z.string(), name: z.string(), count: z.number().int() })),
  byMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
});
export type Aggregates = z.infer<typeof aggregatesSchema>;

export const coverageSchema = z.object({
  areas: z.array(areaCount),
  missing: z.array(z.string()).describe('Index areas without any practice'),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const networkOverviewSchema = z.object({
  networkId: z.string(),
  cities: z.array(
    z.object({
      cityId: z.string(),
      name: z.string(),
      total: z
        .number()
        .int()
        .describe('all live practices of the city (a count; their content stays private)'),
      shared: z.number().int().describe('practices shared with the network'),
      byArea: z.array(z.object({ areaId: z.string(), count: z.number().int() })),
    }),
  ),
});
export type NetworkOverview = z.infer<typeof networkOverviewSchema>;

export const exportFormats = ['csv', 'json', 'markdown'] as const;
export const exportLocales = ['en', 'fr'] as const;

export const practiceExportQuerySchema = z
  .object({
    ...libraryFilterShape,
    sort: z.enum(sortOrders).optional(),
    format: z.enum(exportFormats),
    locale: z.enum(exportLocales).optional().describe('language of headers and area labels; default en'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after `to`', path: ['from'] });

export const contactExportQuerySchema = z.object({
  format: z.enum(['vcard', 'csv']),
  locale: z.enum(exportLocales).optional(),
});

/** One practice in the JSON export. */
export const exportedPracticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  siteName: z.string().nullable(),
  excerpt: z.string(),
  note: z.string(),
  areas: z.array(z.string()),
  tags: z.array(z.string()),
  lang: z.string().nullable(),
  visibility: z.enum(['city', 'network']),
  clippedAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  contentMarkdown: z.string(),
});
export const practiceExportSchema = z.object({
  exportedAt: z.string(),
  city: z.object({ id: z.string(), name: z.string() }),
  filters: z.record(z.string(), z.unknown()),
  practices: z.array(exportedPracticeSchema),
});

export const reportQuerySchema = z
  .object({
    from: day,
    to: day,
    lang: z.enum(exportLocales).optional().describe('default en'),
    format: z.enum(['json', 'markdown']).optional().describe('default json'),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be after `to`', path: ['from'] });

export const practiceDetailSchema = z.object({
  practice: practiceSchema,
  createdByName: z.string().nullable(),
  highlights: z.array(highlightSchema),
  snippets: z.array(snippetSchema).describe('snippets taken from this practice, with their translations'),
  stakeholders: z
    .array(visibleStakeholderSchema)
    .describe('named by the practice; viewers: contact details hidden unless allowed'),
});

export { reportDataSchema };

/** What a file download answers: the file itself (CSV, JSON, Markdown or vCard), as an attachment. */
export const fileResponseSchema = z
  .string()
  .describe('the file, sent as an attachment (Content-Disposition)');
