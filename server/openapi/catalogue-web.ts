// The catalogue entries of the web dashboard (issue 6): the HTML pages under /web (signed in with the
// session cookie, not a token: "public" here means no bearer token) and the route that gives the extension
// a one-time sign-in link. Spread into the one route list in catalogue.ts.
import { z } from 'zod';
import {
  contactExportQuerySchema,
  libraryQuerySchema,
  periodQuerySchema,
  practiceExportQuerySchema,
} from '../../shared/api/library.ts';
import { signInLinkRequestSchema, signInLinkResponseSchema } from '../../shared/api/web-sign-in.ts';
import type { RouteDoc } from './catalogue.ts';

const session = 'Web dashboard (session cookie; without one, redirects to /web/sign-in?next=…)';
const file = z.string().describe('a file download (Content-Disposition: attachment)');

export function webRouteDocs(authErrors: string[]): RouteDoc[] {
  const page = (path: string, summary: string, extra: Partial<RouteDoc> = {}): RouteDoc => ({
    method: 'get',
    path,
    summary: `${session}: ${summary}`,
    access: 'public',
    response: 'html',
    errors: [],
    ...extra,
  });
  return [
    page('/web', 'the library, with search, filters, pagination and export links', {
      query: libraryQuerySchema,
      errors: ['400 bad filter (an HTML page naming the parameter)'],
    }),
    page('/web/practices/{id}', "a practice's page: content, highlights, translations, stakeholders", {
      errors: ['404 not found (also for another city’s practice)'],
    }),
    page('/web/coverage', 'the ICC Index coverage: all 18 areas, evidence counts, areas without any'),
    page('/web/activity', 'contributions by Index area, contributor and month', {
      query: periodQuerySchema,
      errors: ['400 bad period'],
    }),
    page('/web/network', "a network coordinator's view of the member cities and their shared practices", {
      query: libraryQuerySchema,
      errors: ['403 not a network coordinator', '400 bad filter'],
    }),
    page('/web/report', 'the period report as a printable page (`from`, `to`, `lang` of the report)', {
      errors: ['400 bad period'],
    }),
    page('/web/report.md', 'the period report as Markdown', { response: file, errors: ['400 bad period'] }),
    page('/web/export/practices', 'the library or a filtered view as CSV, JSON or Markdown', {
      query: practiceExportQuerySchema,
      response: file,
      errors: ['400 bad filter'],
    }),
    page(
      '/web/export/contacts',
      'the contacts as vCard or CSV (not for viewers while contact details are hidden)',
      {
        query: contactExportQuerySchema,
        response: file,
        errors: ['403 contact details hidden for this role'],
      },
    ),
    {
      method: 'get',
      path: '/web/styles.css',
      summary: "The web dashboard's stylesheet",
      access: 'public',
      response: z.string().describe('text/css'),
      errors: [],
    },
    {
      method: 'get',
      path: '/web/sign-in',
      summary: 'Web dashboard sign-in page (personal access token)',
      access: 'public',
      response: 'html',
      errors: [],
    },
    {
      method: 'post',
      path: '/web/sign-in',
      summary:
        'Sign in to the web dashboard with a personal access token (form: token, next); sets the session cookie and redirects to `next`',
      access: 'public',
      response: 'html',
      status: 303,
      errors: [
        '400 token not valid, or the body is not the form its content type says',
        '403 form not sent from this site',
        '429 too many failed sign-ins from this address (Retry-After)',
      ],
    },
    {
      method: 'get',
      path: '/web/sign-in/link',
      summary:
        'Open a one-time sign-in link (`token`, optional `next`; valid 15 minutes, once): a link the extension asked for signs in (303); one the server printed shows whose account it opens and a Continue button (200), spending nothing',
      access: 'public',
      response: 'html',
      status: 303,
      errors: ['400 link used, expired or unknown', '429 too many failed sign-ins from this address'],
    },
    {
      method: 'post',
      path: '/web/sign-in/link',
      summary:
        'Spend a one-time sign-in link (form: token, next): sets the session cookie and redirects to `next`',
      access: 'public',
      response: 'html',
      status: 303,
      errors: [
        '400 link used, expired or unknown, or the body is not the form its content type says',
        '403 form not sent from this site',
        '429 too many failed sign-ins from this address (Retry-After)',
      ],
    },
    {
      method: 'post',
      path: '/web/sign-out',
      summary: 'End the web dashboard session',
      access: 'public',
      response: 'html',
      status: 303,
      errors: ['403 form not sent from this site'],
    },
    page('/web/sign-out-everywhere', 'sign out everywhere: what it does, and the button that does it'),
    {
      method: 'post',
      path: '/web/sign-out-everywhere',
      summary: `${session}: end every dashboard session of the signed-in member and revoke all their access tokens; redirects to sign in`,
      access: 'public',
      response: 'html',
      status: 303,
      errors: ['403 form not sent from this site'],
    },
    {
      method: 'get',
      path: '/web/lang',
      summary: 'Switch the web dashboard language (`set` = en or fr) and go back to `next`',
      access: 'public',
      response: 'html',
      status: 303,
      errors: [],
    },
    {
      method: 'post',
      path: '/api/web/sign-in-links',
      summary:
        'A one-time link (15 minutes) that opens the web dashboard signed in as the caller, at `next` (a path under /web)',
      access: 'member',
      body: signInLinkRequestSchema,
      response: signInLinkResponseSchema,
      errors: [...authErrors, '400 validation_failed | invalid_json'],
    },
  ];
}
