// /web: the city library's web dashboard (issue 6), server-rendered HTML with no script, every view a GET
// address that can be shared. Signed in with a session cookie (server/web/session.ts) made from a personal
// access token or a one-time sign-in link; POST forms are accepted from this site only. A missing or expired
// session sends the browser to sign in with `next=` the page it wanted, and back there afterwards.
// /api/web/sign-in-links (webApiRoutes, bearer token) lets the extension open the dashboard signed in.
import { asc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import {
  contactExportQuerySchema,
  libraryQuerySchema,
  ParamError,
  parseParams,
  periodQuerySchema,
  practiceExportQuerySchema,
  reportQuerySchema,
} from '../../shared/api/library.ts';
import { signInLinkRequestSchema } from '../../shared/api/web-sign-in.ts';
import { renderReportMarkdown } from '../../shared/report/period-report.ts';
import type { AppEnv } from '../app-env.ts';
import { members } from '../db/schema/index.ts';
import { ApiError } from '../errors.ts';
import { cityAggregates, indexCoverage } from '../library/aggregates.ts';
import { exportContacts, exportPractices } from '../library/exports.ts';
import { networkOverview, searchNetworkPractices } from '../library/network.ts';
import { getPracticeDetail } from '../library/practice-detail.ts';
import { periodReport } from '../library/report.ts';
import { searchPractices } from '../library/search.ts';
import type { AuthAttempt } from '../limits/auth-failures.ts';
import { hidesContactDetails } from '../stakeholders/contact-visibility.ts';
import { endAllAccess } from '../tenancy/member-access.ts';
import { readJson } from '../validate.ts';
import {
  clearSessionCookie,
  langCookie,
  readSessionCookie,
  writeLangCookie,
  writeSessionCookie,
} from '../web/cookies.ts';
import type { MessageKey } from '../web/i18n/en.ts';
import { isUiLang, pickUiLang, translator } from '../web/i18n/index.ts';
import { safeNextPath } from '../web/next-path.ts';
import { activityPage } from '../web/pages/activity.tsx';
import { coveragePage } from '../web/pages/coverage.tsx';
import { libraryPage } from '../web/pages/library.tsx';
import { messagePage } from '../web/pages/message.tsx';
import { networkPage } from '../web/pages/network.tsx';
import { practicePage } from '../web/pages/practice.tsx';
import { reportPage } from '../web/pages/report.tsx';
import { signInPage } from '../web/pages/sign-in.tsx';
import { signInLinkPage } from '../web/pages/sign-in-link.tsx';
import { signOutEverywherePage } from '../web/pages/sign-out-everywhere.tsx';
import { paramProblem } from '../web/param-problem.ts';
import { sameOriginPost } from '../web/same-origin.ts';
import {
  createSession,
  createSignInLink,
  endSession,
  findSession,
  peekSignInLink,
  redeemSignInLink,
  type SigningIn,
  signInLinkUrl,
  userForToken,
  type WebUser,
} from '../web/session.ts';
import { stylesheet } from '../web/styles.ts';
import type { View } from '../web/view.ts';

interface WebEnv {
  Variables: AppEnv['Variables'] & { view: View; user: WebUser };
}

const csp = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const pathWithQuery = (c: Context) => {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
};

/** Security headers and the interface language, for every /web response. */
const pageSetup = createMiddleware<WebEnv>(async (c, next) => {
  const lang = pickUiLang(getCookie(c, langCookie), c.req.header('Accept-Language'));
  c.set('view', { lang, t: translator(lang), user: null, path: pathWithQuery(c) });
  await next();
  c.header('Content-Security-Policy', csp);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Frame-Options', 'DENY');
  c.header('Vary', 'Cookie, Accept-Language');
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
});

/**
 * Starts checking a secret the browser sent (cookie, link, pasted token): an attempt from its address's
 * budget of failed attempts (limits/auth-failures.ts).
 */
const beginCheck = (c: Context<WebEnv>): Promise<AuthAttempt> => c.get('deps').authAttempts.begin(c);

/** After a failed check: the 429 page when the address is past its budget, else null (the usual refusal). */
function refusedPage(c: Context<WebEnv>, attempt: AuthAttempt): Response | Promise<Response> | null {
  if (attempt.refusedFor === null) return null;
  const view = c.get('view');
  c.header('Retry-After', String(attempt.refusedFor));
  const text = view.t('tooManyAttemptsText', { seconds: String(attempt.refusedFor) });
  return html(c, messagePage(view, { title: view.t('tooManyAttemptsTitle'), text, back: false }), 429);
}

/** The session a cookie names, checked against the budget of failed attempts; null when it names none. */
async function checkSession(c: Context<WebEnv>, secret: string | undefined) {
  if (!secret) return null;
  const { db, clock } = c.get('deps');
  const attempt = await beginCheck(c);
  const found = await findSession(db, secret, clock());
  if (found) {
    await attempt.succeeded();
    return found;
  }
  attempt.failed('bad_session');
  return refusedPage(c, attempt);
}

/** A POSTed form's fields, or null when the body is not the form its content type says (e.g. multipart). */
async function formFields(c: Context<WebEnv>): Promise<Record<string, unknown> | null> {
  try {
    return await c.req.parseBody();
  } catch (error) {
    if (error instanceof ApiError) throw error; // the body limit's 413
    return null;
  }
}

/** The signed-in member, or a redirect to sign in that remembers where the browser was going. */
const requireSession = createMiddleware<WebEnv>(async (c, next) => {
  const { publicUrl } = c.get('deps');
  const secret = readSessionCookie(c);
  const found = await checkSession(c, secret);
  if (found instanceof Response) return found;
  if (!found) {
    if (secret) clearSessionCookie(c, publicUrl);
    const target = new URL('/web/sign-in', 'http://x');
    // Only a `next` that signing in would follow (safeNextPath takes up to 2,000 characters): a longer one
    // made a Location header three times the request's address (each `%` encoded again), past what
    // reverse proxies take from an upstream (nginx: 4–8 KB, then 502) and Node's fetch (16 KB).
    const wanted = pathWithQuery(c);
    if (wanted.length <= 2000) target.searchParams.set('next', wanted);
    if (secret) target.searchParams.set('expired', '1');
    return c.redirect(`${target.pathname}${target.search}`, 302);
  }
  if (found.refreshed && secret) writeSessionCookie(c, secret, found.refreshed, publicUrl);
  c.set('user', found.user);
  c.set('view', { ...c.get('view'), user: found.user });
  await next();
});

const html = (c: Context, body: string, status: 200 | 400 | 403 | 404 | 429 | 500 = 200) =>
  c.html(body, status);

function badParams(c: Context<WebEnv>, error: unknown): string | null {
  if (error instanceof ParamError) return paramProblem(c.get('view').t, error);
  throw error;
}

function parsed<T>(c: Context<WebEnv>, parse: () => T): { value: T | null; error: string | null } {
  try {
    return { value: parse(), error: null };
  } catch (error) {
    return { value: null, error: badParams(c, error) };
  }
}

const params = (c: Context) => new URL(c.req.url).searchParams;

function sendFile(c: Context, file: { filename: string; contentType: string; body: string }) {
  return c.body(file.body, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.filename}"`,
    'Cache-Control': 'no-store',
  });
}

async function signInAnswer(c: Context<WebEnv>, signingIn: SigningIn, next: string) {
  const { db, clock, publicUrl } = c.get('deps');
  const { secret, expiresAt } = await createSession(db, signingIn, clock());
  writeSessionCookie(c, secret, expiresAt, publicUrl);
  return c.redirect(safeNextPath(next), 303);
}

function signInForm(c: Context<WebEnv>, message: MessageKey | undefined, status: 200 | 400 | 403 = 200) {
  const next = safeNextPath(c.req.query('next'));
  return html(c, signInPage(c.get('view'), { next, message }), status);
}

const formLimit = bodyLimit({
  maxSize: 16 * 1024,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', 'this form is too large');
  },
});

export const webRoutes = new Hono<WebEnv>()
  .use('*', pageSetup)
  // The dashboard's forms are a token and a few words; nothing bigger is read.
  .use('*', (c, next) => (c.req.method === 'POST' ? formLimit(c, next) : next()))
  .get('/styles.css', (c) =>
    c.body(stylesheet, 200, {
      'Content-Type': 'text/css;charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  )
  .get('/sign-in', async (c) => {
    // Already signed in (another tab signed in meanwhile): straight on to where the member was going.
    const found = await checkSession(c, readSessionCookie(c));
    if (found instanceof Response) return found;
    if (found) return c.redirect(safeNextPath(c.req.query('next')), 303);
    return signInForm(
      c,
      c.req.query('expired')
        ? 'signInExpired'
        : c.req.query('everywhere')
          ? 'signedOutEverywhere'
          : c.req.query('out')
            ? 'signedOut'
            : undefined,
    );
  })
  .post('/sign-in', async (c) => {
    const { db, publicUrl } = c.get('deps');
    if (!sameOriginPost(c, publicUrl)) return signInForm(c, 'signInCsrf', 403);
    const form = await formFields(c);
    if (!form) return signInForm(c, 'formUnreadable', 400);
    const next = typeof form.next === 'string' ? form.next : '';
    const token = typeof form.token === 'string' ? form.token : '';
    const attempt = await beginCheck(c);
    const signingIn = await userForToken(db, token);
    if (!signingIn) {
      attempt.failed('bad_sign_in_token');
      const refused = refusedPage(c, attempt);
      if (refused) return refused;
      const view = c.get('view');
      return html(c, signInPage(view, { next: safeNextPath(next), message: 'signInBadToken' }), 400);
    }
    await attempt.succeeded();
    return signInAnswer(c, signingIn, next);
  })
  .get('/sign-in/link', async (c) => {
    // A link the extension asked for (with its access token) and opens at once signs in directly. A link the
    // server printed (first start, admin CLI) is often sent on by e-mail: opening it only asks "Continue as
    // …?", so a mail scanner that fetches it first does not spend it, and nobody is signed in to someone
    // else's account without seeing whose it is.
    const { db, clock } = c.get('deps');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    const secret = c.req.query('token') ?? '';
    const next = safeNextPath(c.req.query('next'));
    const attempt = await beginCheck(c);
    const found = await peekSignInLink(db, secret, clock());
    const signingIn = found?.tokenId ? await redeemSignInLink(db, secret, clock()) : null;
    if (!found || (found.tokenId && !signingIn)) {
      attempt.failed('bad_sign_in_link');
      return refusedPage(c, attempt) ?? signInForm(c, 'signInLinkInvalid', 400);
    }
    await attempt.succeeded();
    if (!signingIn) return html(c, signInLinkPage(c.get('view'), { secret, next, user: found.user }));
    return signInAnswer(c, signingIn, next);
  })
  .post('/sign-in/link', async (c) => {
    const { db, clock, publicUrl } = c.get('deps');
    c.header('Referrer-Policy', 'no-referrer');
    if (!sameOriginPost(c, publicUrl)) return signInForm(c, 'signInCsrf', 403);
    const form = await formFields(c);
    if (!form) return signInForm(c, 'formUnreadable', 400);
    const secret = typeof form.token === 'string' ? form.token : '';
    const next = typeof form.next === 'string' ? form.next : '';
    const attempt = await beginCheck(c);
    const signingIn = await redeemSignInLink(db, secret, clock());
    if (!signingIn) {
      attempt.failed('bad_sign_in_link');
      return refusedPage(c, attempt) ?? signInForm(c, 'signInLinkInvalid', 400);
    }
    await attempt.succeeded();
    return signInAnswer(c, signingIn, next);
  })
  .post('/sign-out', async (c) => {
    const { db, publicUrl } = c.get('deps');
    if (!sameOriginPost(c, publicUrl)) return signInForm(c, 'signInCsrf', 403);
    await endSession(db, readSessionCookie(c));
    clearSessionCookie(c, publicUrl);
    return c.redirect('/web/sign-in?out=1', 303);
  })
  .get('/sign-out-everywhere', requireSession, (c) => html(c, signOutEverywherePage(c.get('view'))))
  .post('/sign-out-everywhere', requireSession, async (c) => {
    // Every token and session of the signed-in member (tenancy/member-access.ts), this one included.
    const { db, clock, publicUrl, caches } = c.get('deps');
    if (!sameOriginPost(c, publicUrl)) return signInForm(c, 'signInCsrf', 403);
    const { member, city } = c.get('user');
    await db.transaction((tx) => endAllAccess(tx, city.id, member.id, clock()));
    caches.tenancyChanged();
    clearSessionCookie(c, publicUrl);
    return c.redirect('/web/sign-in?everywhere=1', 303);
  })
  .get('/lang', (c) => {
    const wanted = c.req.query('set');
    if (isUiLang(wanted)) writeLangCookie(c, wanted, c.get('deps').publicUrl);
    return c.redirect(safeNextPath(c.req.query('next')), 303);
  })
  .get('/', requireSession, async (c) => {
    const { db } = c.get('deps');
    const user = c.get('user');
    const search = params(c);
    const { value: query, error } = parsed(c, () => parseParams(libraryQuerySchema, search));
    const [result, people] = await Promise.all([
      query ? searchPractices(db, user.city.id, query) : null,
      db
        .select({ id: members.id, name: members.name })
        .from(members)
        .where(eq(members.cityId, user.city.id))
        .orderBy(asc(members.name)),
    ]);
    const page = libraryPage(c.get('view'), {
      params: search,
      result,
      error,
      contributors: people,
      canExportContacts: !hidesContactDetails(user),
    });
    return html(c, page, error ? 400 : 200);
  })
  .get('/practices/:id', requireSession, async (c) => {
    const { db } = c.get('deps');
    const { member, city } = c.get('user');
    const detail = await getPracticeDetail(
      db,
      {
        cityId: city.id,
        memberId: member.id,
        role: member.role,
        viewersSeeContacts: city.viewersSeeContacts,
      },
      c.req.param('id'),
    );
    if (!detail) return notFoundPage(c);
    return html(c, practicePage(c.get('view'), detail));
  })
  .get('/coverage', requireSession, async (c) => {
    const { db } = c.get('deps');
    return html(c, coveragePage(c.get('view'), await indexCoverage(db, c.get('user').city.id)));
  })
  .get('/activity', requireSession, async (c) => {
    const { db } = c.get('deps');
    const search = params(c);
    const { value: period, error } = parsed(c, () => parseParams(periodQuerySchema, search));
    const aggregates = period ? await cityAggregates(db, c.get('user').city.id, period) : null;
    const page = activityPage(c.get('view'), {
      from: search.get('from') ?? '',
      to: search.get('to') ?? '',
      error,
      aggregates,
    });
    return html(c, page, error ? 400 : 200);
  })
  .get('/network', requireSession, async (c) => {
    const { db } = c.get('deps');
    const { networkId } = c.get('user');
    const view = c.get('view');
    if (!networkId)
      return html(
        c,
        messagePage(view, { title: view.t('networkForbiddenTitle'), text: view.t('networkForbiddenText') }),
        403,
      );
    const search = params(c);
    const { value: query, error } = parsed(c, () => parseParams(libraryQuerySchema, search));
    const [overview, result] = await Promise.all([
      networkOverview(db, networkId),
      query ? searchNetworkPractices(db, networkId, query) : null,
    ]);
    return html(c, networkPage(view, { overview, params: search, result, error }), error ? 400 : 200);
  })
  .get('/report', requireSession, async (c) => {
    const { db, clock } = c.get('deps');
    const search = reportParams(params(c), clock());
    const { value: query, error } = parsed(c, () => parseParams(reportQuerySchema, search));
    const report = query ? await periodReport(db, c.get('user').city.id, query, { now: clock() }) : null;
    const reportLang = search.get('lang') === 'fr' ? 'fr' : 'en';
    const page = reportPage(c.get('view'), {
      from: search.get('from') ?? '',
      to: search.get('to') ?? '',
      reportLang,
      error,
      report,
    });
    return html(c, page, error ? 400 : 200);
  })
  .get('/report.md', requireSession, async (c) => {
    const { db, clock } = c.get('deps');
    const search = reportParams(params(c), clock());
    const { value: query, error } = parsed(c, () => parseParams(reportQuerySchema, search));
    if (!query) return badRequestPage(c, error);
    const data = await periodReport(db, c.get('user').city.id, query, { now: clock() });
    return sendFile(c, {
      filename: `icc-report-${query.from}-${query.to}.md`,
      contentType: 'text/markdown;charset=utf-8',
      body: renderReportMarkdown(data, query.lang ?? 'en'),
    });
  })
  .get('/export/practices', requireSession, async (c) => {
    const { db, clock } = c.get('deps');
    const { city } = c.get('user');
    const { value, error } = parsed(c, () => parseParams(practiceExportQuerySchema, params(c)));
    if (!value) return badRequestPage(c, error);
    const { format, locale, ...query } = value;
    const file = await exportPractices(db, city.id, query, format, locale ?? c.get('view').lang, {
      cityName: city.name,
      now: clock(),
    });
    return sendFile(c, file);
  })
  .get('/export/contacts', requireSession, async (c) => {
    const { db, clock } = c.get('deps');
    const user = c.get('user');
    const view = c.get('view');
    const { value, error } = parsed(c, () => parseParams(contactExportQuerySchema, params(c)));
    if (!value) return badRequestPage(c, error);
    if (hidesContactDetails(user))
      return html(
        c,
        messagePage(view, { title: view.t('forbiddenTitle'), text: view.t('forbiddenContacts') }),
        403,
      );
    const file = await exportContacts(
      db,
      { cityId: user.city.id, role: user.member.role, viewersSeeContacts: user.city.viewersSeeContacts },
      value.format,
      { locale: value.locale ?? view.lang, now: clock() },
    );
    return sendFile(c, file);
  })
  .all('*', requireSession, (c) => notFoundPage(c));

/** The report's period: this year so far unless given; what the member typed is kept as typed otherwise. */
function reportParams(search: URLSearchParams, now: number): URLSearchParams {
  const out = new URLSearchParams(search);
  const today = new Date(now).toISOString().slice(0, 10);
  if (!out.get('to')) out.set('to', today);
  if (!out.get('from')) out.set('from', `${today.slice(0, 4)}-01-01`);
  if (!out.get('lang')) out.delete('lang');
  return out;
}

function notFoundPage(c: Context<WebEnv>) {
  const view = c.get('view');
  return html(c, messagePage(view, { title: view.t('notFoundTitle'), text: view.t('notFoundText') }), 404);
}

function badRequestPage(c: Context<WebEnv>, error: string | null) {
  const view = c.get('view');
  return html(
    c,
    messagePage(view, {
      title: view.t('badRequestTitle'),
      text: view.t('badFilter', { message: error ?? '' }),
    }),
    400,
  );
}

webRoutes.onError((error, c) => {
  const { log } = c.get('deps');
  const view = c.get('view') ?? { lang: 'en', t: translator('en'), user: null, path: '/web' };
  if (error instanceof ApiError && error.status < 500) {
    const title = error.status === 403 ? view.t('forbiddenTitle') : view.t('badRequestTitle');
    return c.html(messagePage(view, { title, text: error.message }), error.status as 400);
  }
  log(`unhandled error on ${c.req.method} ${c.req.path}`, error);
  return c.html(messagePage(view, { title: view.t('errorTitle'), text: view.t('errorText') }), 500);
});

/** POST /api/web/sign-in-links: a one-time link that opens the dashboard signed in as the caller. */
export const webApiRoutes = new Hono<AppEnv>().post('/sign-in-links', async (c) => {
  const { db, clock, publicUrl } = c.get('deps');
  const { member, token } = c.get('caller');
  const input = await readJson(c, signInLinkRequestSchema);
  const { secret, expiresAt } = await createSignInLink(db, member, clock(), token.id);
  const origin = publicUrl ?? new URL(c.req.url).origin;
  return c.json({
    url: signInLinkUrl(origin, secret, input.next ? safeNextPath(input.next) : undefined),
    expiresAt,
  });
});
