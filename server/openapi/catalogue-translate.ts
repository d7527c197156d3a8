// The catalogue entries of the translation routes (issue 5): /api/translate (server-side engines) and
// /api/glossary (the city's own terms). Spread into the one route list in catalogue.ts.
import {
  glossaryDeleteResponseSchema,
  glossaryListSchema,
  glossaryPutSchema,
  glossaryTermSchema,
} from '../../shared/api/glossary.ts';
import {
  enginesResponseSchema,
  translateRequestSchema,
  translateResponseSchema,
} from '../../shared/api/translate.ts';
import type { RouteDoc } from './catalogue.ts';

export function translateRouteDocs(authErrors: string[], writeErrors: string[]): RouteDoc[] {
  return [
    {
      method: 'get',
      path: '/api/translate/engines',
      summary:
        'The server-side translation engines in order of preference, their languages, and your limits (characters per request and per UTC day, used today); with no engine configured, a hint saying what to set',
      access: 'member',
      response: enginesResponseSchema,
      errors: authErrors,
    },
    {
      method: 'post',
      path: '/api/translate',
      summary:
        "Machine translation by the configured engines in order (or only `engine`), skipping those without the pair and falling over to the next when one fails; the city's cache answers repeated texts without an engine call or daily characters",
      access: 'member',
      body: translateRequestSchema,
      response: translateResponseSchema,
      errors: [
        ...authErrors.filter((e) => !e.startsWith('429')),
        '400 validation_failed | invalid_json | unsupported_pair',
        '413 text_too_long | payload_too_large',
        '429 rate_limited | too_many_attempts | daily_limit | engine_rate_limited (each with Retry-After)',
        '502 engine_failed | engine_auth',
        '503 no_engine | engine_quota',
        '504 engine_timeout',
      ],
    },
    {
      method: 'get',
      path: '/api/glossary',
      summary:
        "The city's own glossary terms: local-language labels of ICC glossary concepts and the city's own terms",
      access: 'member',
      response: glossaryListSchema,
      errors: authErrors,
    },
    {
      method: 'put',
      path: '/api/glossary/{id}',
      summary:
        "Create (201) or replace (200) one of the city's glossary terms; labels by language code, each at most 200 characters",
      access: 'writer',
      body: glossaryPutSchema,
      response: glossaryTermSchema,
      errors: [...writeErrors, '409 glossary_full'],
    },
    {
      method: 'delete',
      path: '/api/glossary/{id}',
      summary: "Delete one of the city's glossary terms",
      access: 'writer',
      response: glossaryDeleteResponseSchema,
      errors: [...authErrors, '403 forbidden', '400 validation_failed', '404 not_found'],
    },
  ];
}
