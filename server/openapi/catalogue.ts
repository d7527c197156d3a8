// Every API route, once: method, path, who may call it, its request and response schemas (from shared/api)
// and the errors it can answer. The OpenAPI document and the /api/docs page are generated from this list,
// and a test fails when the app serves a route that is missing here.
import type { z } from 'zod';
import {
  conflictListSchema,
  conflictQuerySchema,
  conflictResponseSchema,
} from '../../shared/api/conflicts.ts';
import { healthSchema } from '../../shared/api/health.ts';
import {
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../../shared/api/sync.ts';
import {
  issuedTokenSchema,
  issueTokenSchema,
  memberListSchema,
  memberPatchResponseSchema,
  memberPatchSchema,
  memberResponseSchema,
  meSchema,
  newMemberSchema,
  signOutEverywhereResponseSchema,
  tokenListSchema,
  tokenResponseSchema,
} from '../../shared/api/tenancy.ts';
import { libraryRouteDocs } from './catalogue-library.ts';
import { stakeholderRouteDocs } from './catalogue-stakeholders.ts';
import { translateRouteDocs } from './catalogue-translate.ts';
import { webRouteDocs } from './catalogue-web.ts';

export type Access = 'public' | 'member' | 'writer' | 'coordinator';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  access: Access;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType | 'html' | 'openapi';
  status?: number;
  errors: string[];
}

const authErrors = [
  '401 missing_token | invalid_token | token_revoked | member_disabled',
  '429 rate_limited | too_many_attempts (failed token checks from this address; Retry-After)',
];
const writeErrors = [
  ...authErrors,
  '403 forbidden',
  '400 validation_failed | invalid_json',
  '413 payload_too_large',
];

export const catalogue: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Server, database and schema status',
    access: 'public',
    response: healthSchema,
    errors: ['503 (same body, status unavailable)'],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    access: 'public',
    response: 'openapi',
    errors: [],
  },
  {
    method: 'get',
    path: '/api/docs',
    summary: 'This reference as a web page',
    access: 'public',
    response: 'html',
    errors: [],
  },
  {
    method: 'get',
    path: '/connect',
    summary:
      'Connect page: shows the server, token and connect code of a connect link (read from the #fragment in the browser)',
    access: 'public',
    response: 'html',
    errors: [],
  },
  {
    method: 'get',
    path: '/api/me',
    summary: "The token's member and city, the library version and the client limits",
    access: 'member',
    response: meSchema,
    errors: authErrors,
  },
  {
    method: 'get',
    path: '/api/members',
    summary: "The city's members",
    access: 'member',
    response: memberListSchema,
    errors: authErrors,
  },
  {
    method: 'post',
    path: '/api/members',
    summary: 'Add a member to the city',
    access: 'coordinator',
    body: newMemberSchema,
    response: memberResponseSchema,
    status: 201,
    errors: writeErrors,
  },
  {
    method: 'patch',
    path: '/api/members/{id}',
    summary:
      "Change a member's name, e-mail, role or disabled state. Disabling revokes every token and ends every dashboard session, for good: re-enabling brings none back (`access` says what works; issue a new token)",
    access: 'coordinator',
    body: memberPatchSchema,
    response: memberPatchResponseSchema,
    errors: [...writeErrors, '404 not_found', '409 last_coordinator'],
  },
  {
    method: 'post',
    path: '/api/members/{id}/sign-out-everywhere',
    summary:
      'Sign a member out everywhere: revoke every access token and end every dashboard session. Any member for themselves (the token in use included), a coordinator for any member of the city',
    access: 'member',
    response: signOutEverywhereResponseSchema,
    errors: [...authErrors, '403 forbidden (another member, not a coordinator)', '404 not_found'],
  },
  {
    method: 'get',
    path: '/api/tokens',
    summary: 'Access tokens: all of the city for coordinators, your own otherwise (?memberId= filters)',
    access: 'member',
    response: tokenListSchema,
    errors: authErrors,
  },
  {
    method: 'post',
    path: '/api/tokens',
    summary: 'Issue a token for a member; the secret and its connect link are shown once',
    access: 'coordinator',
    body: issueTokenSchema,
    response: issuedTokenSchema,
    status: 201,
    errors: [...writeErrors, '404 not_found'],
  },
  {
    method: 'delete',
    path: '/api/tokens/{id}',
    summary: 'Revoke a token (coordinators: any of the city; others: their own)',
    access: 'member',
    response: tokenResponseSchema,
    errors: [...authErrors, '404 not_found'],
  },
  {
    method: 'get',
    path: '/api/sync/pull',
    summary:
      'Objects changed since a library version, tombstones included, in pages; while more pages follow, the X-Pull-Next header names the next since',
    access: 'member',
    query: pullQuerySchema,
    response: pullResponseSchema,
    errors: [...authErrors, '400 validation_failed', '409 since_ahead', '410 resync_required'],
  },
  {
    method: 'post',
    path: '/api/sync/push',
    summary: 'Apply a batch of mutations in one transaction, idempotently',
    access: 'writer',
    body: pushRequestSchema,
    response: pushResponseSchema,
    errors: [...writeErrors, '413 batch_too_large', '503 busy'],
  },
  {
    method: 'get',
    path: '/api/conflicts',
    summary: 'Values that lost a same-field race',
    access: 'member',
    query: conflictQuerySchema,
    response: conflictListSchema,
    errors: [...authErrors, '400 validation_failed'],
  },
  {
    method: 'post',
    path: '/api/conflicts/{id}/restore',
    summary: "Make a conflict's lost value the current value",
    access: 'writer',
    response: conflictResponseSchema,
    errors: [...authErrors, '403 forbidden', '404 not_found', '409 conflict_closed'],
  },
  {
    method: 'post',
    path: '/api/conflicts/{id}/dismiss',
    summary: 'Close a conflict without changing anything',
    access: 'writer',
    response: conflictResponseSchema,
    errors: [...authErrors, '403 forbidden', '404 not_found', '409 conflict_closed'],
  },
  ...stakeholderRouteDocs(authErrors, writeErrors),
  ...libraryRouteDocs(authErrors),
  ...translateRouteDocs(authErrors, writeErrors),
  ...webRouteDocs(authErrors),
];

export const accessText: Record<Access, string> = {
  public: 'no token',
  member: 'any member (coordinator, contributor, viewer)',
  writer: 'coordinator or contributor',
  coordinator: 'coordinator',
};
