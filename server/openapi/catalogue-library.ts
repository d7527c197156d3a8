// The catalogue entries of the city library on the web (issue 6): search, practice page, aggregates,
// coverage, the network view, exports and the period report. Spread into the one route list in catalogue.ts.
import {
  aggregatesSchema,
  contactExportQuerySchema,
  coverageSchema,
  emptyQuerySchema,
  fileResponseSchema,
  libraryQuerySchema,
  networkOverviewSchema,
  networkSearchResultSchema,
  periodQuerySchema,
  practiceDetailSchema,
  practiceExportQuerySchema,
  reportDataSchema,
  reportQuerySchema,
  searchResultSchema,
} from '../../shared/api/library.ts';
import type { RouteDoc } from './catalogue.ts';

export function libraryRouteDocs(authErrors: string[]): RouteDoc[] {
  const read = [...authErrors, '400 validation_failed'];
  return [
    {
      method: 'get',
      path: '/api/library/search',
      summary:
        'Search and browse the city’s practices: every word a prefix, accents and case ignored, ranked by relevance (title first) or date; filters by Index area, tag, contributor, dates, language, visibility (lists: repeat the parameter); matches marked as text segments',
      access: 'member',
      query: libraryQuerySchema,
      response: searchResultSchema,
      errors: read,
    },
    {
      method: 'get',
      path: '/api/library/practices/{id}',
      summary:
        'A practice with its author, highlights, snippets and stakeholders (viewers: contact details hidden)',
      access: 'member',
      response: practiceDetailSchema,
      errors: [...authErrors, '404 not_found'],
    },
    {
      method: 'get',
      path: '/api/library/aggregates',
      summary: 'Practices counted by Index area (all 18), contributor and month, optionally within a period',
      access: 'member',
      query: periodQuerySchema,
      response: aggregatesSchema,
      errors: read,
    },
    {
      method: 'get',
      path: '/api/library/coverage',
      summary:
        'Index coverage: every area with its number of practices and last addition, and the areas with none',
      access: 'member',
      query: emptyQuerySchema,
      response: coverageSchema,
      errors: read,
    },
    {
      method: 'get',
      path: '/api/network/overview',
      summary:
        'For a network coordinator: the network’s cities side by side (all practices counted, shared ones, per Index area)',
      access: 'member',
      query: emptyQuerySchema,
      response: networkOverviewSchema,
      errors: [...read, '403 forbidden (not a network coordinator)'],
    },
    {
      method: 'get',
      path: '/api/network/practices',
      summary:
        'For a network coordinator: search the practices the network’s cities shared (visibility network), same filters as the library',
      access: 'member',
      query: libraryQuerySchema,
      response: networkSearchResultSchema,
      errors: [...read, '403 forbidden (not a network coordinator)'],
    },
    {
      method: 'get',
      path: '/api/exports/practices',
      summary:
        'Download the library or a filtered view as CSV (spreadsheet, BOM), JSON (every field) or Markdown; `locale` sets headers and area labels',
      access: 'member',
      query: practiceExportQuerySchema,
      response: fileResponseSchema,
      errors: read,
    },
    {
      method: 'get',
      path: '/api/exports/contacts',
      summary:
        'Download the city’s contacts as vCard 4.0 or CSV (refused to viewers unless the city lets them see contacts)',
      access: 'member',
      query: contactExportQuerySchema,
      response: fileResponseSchema,
      errors: [...read, '403 forbidden'],
    },
    {
      method: 'get',
      path: '/api/reports/period',
      summary:
        'The period report: new practices by area, areas still without evidence, stakeholders engaged, translations reviewed, contributors; JSON or Markdown (EN/FR)',
      access: 'member',
      query: reportQuerySchema,
      response: reportDataSchema,
      errors: read,
    },
  ];
}
