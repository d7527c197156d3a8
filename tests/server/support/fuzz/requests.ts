// Requests for one operation of the OpenAPI document, as a fast-check arbitrary: a caller (each role, no
// token, a bad token), path parameters, query parameters and a body built from the operation's schemas,
// valid or with one hostile input put somewhere (hostile.ts), under one of several content types. The web
// dashboard's forms (no JSON body in the document) get form fields instead, with and without this site's
// Origin.
import fc from 'fast-check';
import { exampleBodies } from './examples.ts';
import { controlCharacters, hostileValue, loneSurrogates, pathsOf, toJson, withHostile } from './hostile.ts';
import { arbitraryFor, type Schema, type SchemaContext } from './schema-arbitrary.ts';
import type { FuzzRole } from './seed.ts';

export type Caller = FuzzRole | 'none' | { bad: string };

export interface FuzzRequest {
  /** The operation, as the document names it: `POST /api/sync/push`. */
  route: string;
  method: string;
  /** Path and query, percent-encoded (ill-formed pieces encoded as the bytes a client could send). */
  target: string;
  caller: Caller;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** What is hostile about it ("valid" when nothing is meant to be), for the report. */
  label: string;
  /** The error answers the document lists for the operation, by status: `{ "503": "503 no_engine | …" }`. */
  documentedErrors: Record<string, string>;
}

export interface Operation {
  method: string;
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: OpenAPI operation objects are untyped data.
  op: any;
}

/** Every operation of the document. */
export function operationsOf(doc: Schema): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries<Schema>(doc.paths))
    for (const [method, op] of Object.entries<Schema>(methods))
      out.push({ method: method.toUpperCase(), path, op });
  return out;
}

/**
 * The document's operations, and any route the app serves that the document does not list (from the Hono
 * app's own route list), with its path parameters only: every served route is fuzzed.
 */
export function operationsToFuzz(fixture: { openapi: unknown; routes: { method: string; path: string }[] }) {
  const documented = operationsOf(fixture.openapi);
  const known = new Set(documented.map((o) => `${o.method} ${o.path}`));
  const extra: Operation[] = [];
  for (const route of fixture.routes) {
    if (route.method === 'ALL') continue;
    const path = route.path.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1');
    const key = `${route.method} ${path}`;
    if (known.has(key)) continue;
    known.add(key);
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    extra.push({
      method: route.method,
      path,
      op: { parameters: names.map((name) => ({ name, in: 'path' })) },
    });
  }
  return [...documented, ...extra];
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** Percent-encodes text as UTF-8, and a lone surrogate as the three bytes a WTF-8 client would send. */
export function encodeLoose(text: string): string {
  let out = '';
  for (const ch of text) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      for (const b of [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)])
        out += `%${b.toString(16).toUpperCase()}`;
    } else out += encodeURIComponent(ch);
  }
  return out;
}

const badTokens = fc.constantFrom(
  'Bearer ',
  'Bearer icc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'Bearer icc_',
  'Bearer not-a-token',
  `Bearer ${'x'.repeat(8000)}`,
  'Basic Zm9vOmJhcg==',
  'icc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'Bearer icc_AAAA\tAAAA',
  'Bearer \u00ff\u00fe',
);
const badCookies = fc.constantFrom(
  'icc_session=',
  'icc_session=not-a-session',
  `icc_session=${'x'.repeat(4000)}`,
  'icc_session=%ED%A0%80',
  'icc_session=a; icc_session=b',
  'icc_lang=xx; icc_session="quoted"',
);

/** Who sends: writers more often where a body is stored, so hostile values get past the role check. */
const caller = (web: boolean, writes: boolean): fc.Arbitrary<Caller> =>
  fc.oneof(
    { weight: writes ? 4 : 2, arbitrary: fc.constantFrom<Caller>('coordinator', 'contributor') },
    { weight: 1, arbitrary: fc.constant<Caller>('viewer') },
    { weight: 1, arbitrary: fc.constant<Caller>('none') },
    { weight: 1, arbitrary: (web ? badCookies : badTokens).map((bad): Caller => ({ bad })) },
  );

/** A hostile piece of text for a URL or a form field, with its label. */
const hostileText = fc.oneof(
  loneSurrogates.map((value) => ({ label: 'lone surrogate', value })),
  controlCharacters.map((value) => ({ label: 'control characters', value })),
  // 2,000 'é' is 12 KB percent-encoded: under Node's 16 KB header limit, so it reaches the app (past the
  // limit Node itself answers 431: tests/server/node-adapter.test.ts).
  fc.constant({ label: 'huge string', value: 'é'.repeat(2_000) }),
  fc.constantFrom('%', '%zz', '%FF%FE', '%C3%28', '%ED%A0%80', '%F0%9F', '%00').map((raw) => ({
    label: 'malformed percent-encoding',
    value: { raw },
  })),
  fc.constantFrom('__proto__', 'constructor', '../..', '%2e%2e%2f', '//evil.example').map((value) => ({
    label: 'prototype or path keys',
    value,
  })),
);

type UrlPiece = string | { raw: string };
const urlPiece = (piece: UrlPiece) => (typeof piece === 'string' ? encodeLoose(piece) : piece.raw);

/** Text for a query value from its schema: arrays repeat the key, everything else is its string. */
const queryValues = (value: unknown): string[] =>
  value === undefined
    ? []
    : Array.isArray(value)
      ? value.map(String)
      : [typeof value === 'string' ? value : JSON.stringify(value)];

/** Parameters the document does not list but pages read (`/web/report`'s period, sign-in links, …). */
const looseQueryNames = [
  'token',
  'next',
  'set',
  'from',
  'to',
  'lang',
  'format',
  'q',
  'page',
  'since',
  'locale',
];

export function requestArbitrary(operation: Operation, ctx: SchemaContext): fc.Arbitrary<FuzzRequest> {
  const { method, path, op } = operation;
  const web = path.startsWith('/web') || path === '/connect';
  const params: Schema[] = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const bodySchema: Schema | undefined = op.requestBody?.content?.['application/json']?.schema;
  const form = method === 'POST' && path.startsWith('/web/');
  const documentedErrors: Record<string, string> = Object.fromEntries(
    Object.entries<Schema>(op.responses ?? {}).map(([status, r]) => [status, String(r.description ?? '')]),
  );

  const pathValue = fc.oneof(
    {
      weight: 4,
      arbitrary: ctx.knownIds.length
        ? fc.constantFrom(...ctx.knownIds).map((v) => ({ label: 'valid', value: v as UrlPiece }))
        : fc.constant({ label: 'valid', value: 'x' as UrlPiece }),
    },
    { weight: 1, arbitrary: fc.uuid({ version: 7 }).map((v) => ({ label: 'valid', value: v as UrlPiece })) },
    { weight: 2, arbitrary: hostileText as fc.Arbitrary<{ label: string; value: UrlPiece }> },
  );
  const pathArb = fc.tuple(...pathParams.map(() => pathValue)).map((values) => {
    let target = path;
    const labels: string[] = [];
    pathParams.forEach((p, i) => {
      const v = values[i]!;
      target = target.replace(`{${p.name}}`, urlPiece(v.value));
      if (v.label !== 'valid') labels.push(`${v.label} in path ${p.name}`);
    });
    return { target, labels };
  });

  const oneQueryParam = (p: Schema) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<{ label: string; pieces: UrlPiece[] } | null>(null) },
      {
        weight: 5,
        arbitrary: arbitraryFor(p.schema, ctx).map((v) => ({
          label: 'valid',
          pieces: queryValues(v) as UrlPiece[],
        })),
      },
      {
        weight: 2,
        arbitrary: hostileText.map((h) => ({
          label: `${h.label} in query ${p.name}`,
          pieces: [h.value as UrlPiece],
        })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('', '-1', '1e9', 'NaN', '0x10', '9'.repeat(40))
          .map((v) => ({ label: `odd number in query ${p.name}`, pieces: [v, v] as UrlPiece[] })),
      },
    );
  const looseParam = fc.record({
    name: fc.constantFrom(...looseQueryNames),
    value: fc.oneof(
      fc.string({ maxLength: 20 }).map((s) => ({ label: 'valid', value: s as UrlPiece })),
      hostileText as fc.Arbitrary<{ label: string; value: UrlPiece }>,
    ),
  });
  const queryArb = fc
    .tuple(fc.tuple(...queryParams.map(oneQueryParam)), fc.array(looseParam, { maxLength: web ? 3 : 1 }))
    .map(([chosen, loose]) => {
      const pairs: string[] = [];
      const labels: string[] = [];
      queryParams.forEach((p, i) => {
        const c = chosen[i];
        if (!c) return;
        for (const piece of c.pieces) pairs.push(`${encodeURIComponent(p.name)}=${urlPiece(piece)}`);
        if (c.label !== 'valid') labels.push(c.label);
      });
      for (const l of loose) {
        pairs.push(`${l.name}=${urlPiece(l.value.value)}`);
        if (l.value.label !== 'valid') labels.push(`${l.value.label} in query ${l.name}`);
      }
      return { query: pairs.length ? `?${pairs.join('&')}` : '', labels };
    });

  type Body = { headers: Record<string, string>; body?: Uint8Array; labels: string[] };
  const bodyArb: fc.Arbitrary<Body> = form
    ? formBody(ctx)
    : bodySchema
      ? jsonBody(bodySchema, ctx, exampleBodies(`${method} ${path}`, ctx.knownIds))
      : fc.oneof(
          { weight: 4, arbitrary: fc.constant<Body>({ headers: {}, labels: [] }) },
          {
            weight: 1,
            arbitrary: fc.constant<Body>({
              headers: { 'Content-Type': 'application/json' },
              body: bytes('{"unexpected":"\\ud800"}'),
              labels: ['unexpected body'],
            }),
          },
        );

  return fc
    .record({ caller: caller(web, Boolean(bodySchema)), path: pathArb, query: queryArb, body: bodyArb })
    .map((r) => {
      const labels = [...r.path.labels, ...r.query.labels, ...r.body.labels];
      return {
        route: `${method} ${path}`,
        method,
        target: r.path.target + r.query.query,
        caller: r.caller,
        headers: r.body.headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : r.body.body,
        label: labels.length ? [...new Set(labels)].join('; ') : 'valid',
        documentedErrors,
      };
    });
}

const textHostile = fc.oneof(
  loneSurrogates.map((value) => ({ label: 'lone surrogate', value: value as unknown })),
  controlCharacters.map((value) => ({ label: 'control characters', value: value as unknown })),
);

/** A string any text may go in (a title, a note, a label), not an id, a stamp, an enum or an address. */
const isFreeText = (path: (string | number)[], value: unknown) =>
  typeof value === 'string' &&
  !/^(id|objectId|hlc|op|kind|clientId|visibility|status|dir|extraction|engine|type|role|lawfulBasis)$|Id$|At$|Url$|^url$/.test(
    String(path[path.length - 1]),
  ) &&
  !/^\d{4}-\d\d-\d\dT|^[0-9a-f]{8}-|^https?:|^[a-z]{2}(-[A-Za-z]{2})?$/.test(value);

const valueAt = (value: unknown, path: (string | number)[]) =>
  path.reduce<unknown>((at, key) => (at as Record<string | number, unknown> | undefined)?.[key], value);

const jsonContentTypes = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ label: '', type: 'application/json' as string | undefined }) },
  { weight: 1, arbitrary: fc.constant({ label: 'no content type', type: undefined }) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'multipart/form-data',
        'application/json; charset=utf-16',
        'application/xml',
        'x/y;;;=',
      )
      .map((type) => ({ label: `content type ${type}`, type: type as string | undefined })),
  },
);

function jsonBody(schema: Schema, ctx: SchemaContext, examples: fc.Arbitrary<unknown> | null) {
  const fromSchema = arbitraryFor(schema, ctx);
  const valid = examples
    ? fc.oneof({ weight: 3, arbitrary: examples }, { weight: 1, arbitrary: fromSchema })
    : fromSchema;
  const value = fc.oneof(
    { weight: 4, arbitrary: valid.map((v) => ({ label: 'valid', text: toJson(v) })) },
    {
      weight: 8,
      arbitrary: fc
        .tuple(valid, fc.nat(), hostileValue, fc.nat(), textHostile)
        .map(([v, at, any, pick, text]) => {
          // Mostly ill-formed or control text put inside a string already there (the value stays valid
          // around it, so it is stored and read back later), else any hostile value anywhere.
          const paths = pathsOf(v);
          const strings = paths.filter((p) => isFreeText(p, valueAt(v, p)));
          const inString = strings.length > 0 && at % 5 < 3;
          const pool = inString ? strings : paths;
          const path = pool[Math.floor(at / 5) % pool.length]!;
          const hostile = inString ? text : any;
          return {
            label: `${hostile.label} at ${path.join('.') || 'body'}`,
            text: toJson(withHostile(v, path, hostile, pick)),
          };
        }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.nat()).map(([v, cut]) => {
        const text = toJson(v);
        return { label: 'truncated JSON', text: text.slice(0, cut % Math.max(text.length, 1)) };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('', 'null', '[]', '"x"', '0', '{', '\ufeff{}', 'not json', '{"a":1,"a":2}', '\u0000')
        .map((text) => ({ label: 'not an object', text })),
    },
  );
  return fc.tuple(value, jsonContentTypes).map(([v, type]) => ({
    headers: (type.type ? { 'Content-Type': type.type } : {}) as Record<string, string>,
    body: bytes(v.text),
    labels: [v.label === 'valid' ? '' : v.label, type.label].filter(Boolean),
  }));
}

/** The dashboard's forms (sign in, sign-in links, sign out): `token` and `next`, sent as a browser would or not. */
function formBody(_ctx: SchemaContext) {
  const fieldValue = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .constantFrom('/web', '/web/coverage', 'icc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '')
        .map((value) => ({ label: 'valid', value: value as UrlPiece })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('//evil.example', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)')
        .map((value) => ({ label: 'foreign next', value: value as UrlPiece })),
    },
    { weight: 3, arbitrary: hostileText as fc.Arbitrary<{ label: string; value: UrlPiece }> },
  );
  const origin = fc.constantFrom<{ label: string; headers: Record<string, string> }>(
    { label: '', headers: { Origin: '{origin}' } },
    { label: '', headers: { Origin: '{origin}' } },
    { label: '', headers: { Origin: '{origin}' } },
    { label: 'foreign origin', headers: { Origin: 'https://evil.example' } },
    { label: 'no origin', headers: {} },
    { label: '', headers: { 'Sec-Fetch-Site': 'same-origin' } },
  );
  const encoding = fc.constantFrom(
    'form',
    'form',
    'form',
    'form',
    'multipart',
    'multipart-header-only',
    'json',
    'text',
    'none',
  );
  return fc
    .tuple(fieldValue, fieldValue, origin, encoding, fc.boolean())
    .map(([token, next, o, enc, withToken]) => {
      const fields: [string, UrlPiece][] = [
        ...(withToken ? [['token', token.value] as [string, UrlPiece]] : []),
        ['next', next.value],
      ];
      const urlencoded = fields.map(([k, v]) => `${k}=${urlPiece(v)}`).join('&');
      const labels = [token.label, next.label, o.label].filter((l) => l && l !== 'valid');
      const headers: Record<string, string> = { ...o.headers };
      let body: Uint8Array | undefined = bytes(urlencoded);
      if (enc === 'form') headers['Content-Type'] = 'application/x-www-form-urlencoded';
      else if (enc === 'multipart') {
        const boundary = '----fuzz';
        const text = (v: UrlPiece) => (typeof v === 'string' ? v : v.raw);
        const parts = fields.map(
          ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${text(v)}\r\n`,
        );
        headers['Content-Type'] = `multipart/form-data; boundary=${boundary}`;
        body = bytes(`${parts.join('')}--${boundary}--\r\n`);
        labels.push('multipart form');
      } else if (enc === 'multipart-header-only') {
        headers['Content-Type'] = 'multipart/form-data; boundary=x';
        labels.push('content type multipart with a non-multipart body');
      } else if (enc === 'json') {
        headers['Content-Type'] = 'application/json';
        body = bytes(
          toJson(Object.fromEntries(fields.map(([k, v]) => [k, typeof v === 'string' ? v : v.raw]))),
        );
        labels.push('content type application/json on a form');
      } else if (enc === 'text') {
        headers['Content-Type'] = 'text/plain';
        labels.push('content type text/plain on a form');
      } else {
        body = undefined;
        labels.push('no body');
      }
      return { headers, body, labels };
    });
}
