// The catalogue entries of the contact routes (issue 4): city settings and /api/stakeholders. Spread into
// the one route list in catalogue.ts.
import { cityPatchSchema, cityResponseSchema } from '../../shared/api/city.ts';
import {
  accessExportSchema,
  erasureResponseSchema,
  restoreResponseSchema,
  reviewQuerySchema,
  reviewResponseSchema,
  setAsideListSchema,
  stakeholderSearchQuerySchema,
  stakeholderSearchResponseSchema,
} from '../../shared/api/stakeholders.ts';
import type { RouteDoc } from './catalogue.ts';

export function stakeholderRouteDocs(authErrors: string[], writeErrors: string[]): RouteDoc[] {
  return [
    {
      method: 'patch',
      path: '/api/city',
      summary:
        "Change the city's settings: whether viewers see stakeholders' contact details (every stakeholder is re-sent on a change)",
      access: 'coordinator',
      body: cityPatchSchema,
      response: cityResponseSchema,
      errors: writeErrors,
    },
    {
      method: 'get',
      path: '/api/stakeholders/search',
      summary:
        'Who is best placed: stakeholders filtered by text, topic, type and language, ranked by topic match and involvement in practices (viewers: contact details hidden unless allowed)',
      access: 'member',
      query: stakeholderSearchQuerySchema,
      response: stakeholderSearchResponseSchema,
      errors: [...authErrors, '400 validation_failed'],
    },
    {
      method: 'get',
      path: '/api/stakeholders/review',
      summary: 'Stakeholders whose review-by date is at or before `before` (default now)',
      access: 'writer',
      query: reviewQuerySchema,
      response: reviewResponseSchema,
      errors: [...authErrors, '403 forbidden', '400 validation_failed'],
    },
    {
      method: 'get',
      path: '/api/stakeholders/{id}/export',
      summary:
        'Access request: everything held on one stakeholder (record, provenance, linked practices, conflict records)',
      access: 'coordinator',
      response: accessExportSchema,
      errors: [
        ...authErrors,
        '403 forbidden',
        '404 not_found',
        '409 set_aside (deleted by a contributor: the record is in GET /api/stakeholders/set-aside)',
        '410 erased',
      ],
    },
    {
      method: 'post',
      path: '/api/stakeholders/{id}/erase',
      summary:
        'Erase a stakeholder: tombstone without data for every copy, conflict records removed, practices unlinked; for a contact a contributor deleted, its set-aside record goes',
      access: 'coordinator',
      response: erasureResponseSchema,
      errors: [...authErrors, '403 forbidden', '404 not_found'],
    },
    {
      method: 'get',
      path: '/api/stakeholders/set-aside',
      summary:
        "Contacts contributors deleted through sync: gone from every member's copy, kept here until a coordinator restores or erases them",
      access: 'coordinator',
      response: setAsideListSchema,
      errors: [...authErrors, '403 forbidden'],
    },
    {
      method: 'post',
      path: '/api/stakeholders/{id}/restore',
      summary:
        'Restore a set-aside contact under its own id, in a new library version, linked again to the practices it was unlinked from that are still there',
      access: 'coordinator',
      response: restoreResponseSchema,
      errors: [...authErrors, '403 forbidden', '404 not_found (not set aside)', '409 not_deleted'],
    },
  ];
}
