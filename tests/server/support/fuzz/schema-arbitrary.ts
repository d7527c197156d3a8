// fast-check arbitraries from the JSON Schemas of the app's own OpenAPI document (z.toJSONSchema output):
// values that pass a route's schema, so requests get past validation into the handlers, and then the
// hostile variants of them (mutations.ts). Only the keywords our schemas use are read; anything else
// generates any JSON value.
import fc from 'fast-check';
import { indexAreaIds } from '../../../../shared/taxonomy/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped data read from the document.
export type Schema = any;

export interface SchemaContext {
  /** The document the schemas come from, for `$ref`s to `#/components/...`. */
  root: Schema;
  /** Ids that exist on the server (seeded), so that valid-looking ids sometimes name a real object. */
  knownIds: readonly string[];
}

const uuidPattern = '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';

const json: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

const isoDate = fc
  .integer({ min: Date.parse('2000-01-01'), max: Date.parse('2040-01-01') })
  .map((ms) => new Date(ms).toISOString());

export function arbitraryFor(schema: Schema, ctx: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  if (schema === true || schema === undefined || schema === null) return json;
  if (schema === false) return fc.constant(undefined);
  if (depth > 12) return fc.constant(null);
  if (schema.$ref) return arbitraryFor(resolveRef(schema.$ref, ctx.root), ctx, depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(options)) return fc.oneof(...options.map((s: Schema) => arbitraryFor(s, ctx, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0)
    return arbitraryFor(Object.assign({}, ...schema.allOf), ctx, depth + 1);
  if (Array.isArray(schema.type))
    return fc.oneof(...schema.type.map((type: string) => arbitraryFor({ ...schema, type }, ctx, depth + 1)));
  switch (schema.type) {
    case 'object':
      return objectArbitrary(schema, ctx, depth);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? min + 3, min + 3);
      return fc.array(arbitraryFor(schema.items, ctx, depth + 1), { minLength: min, maxLength: max });
    }
    case 'string':
      return stringArbitrary(schema, ctx);
    case 'integer': {
      const min = Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER);
      const max = Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 1000) }), fc.integer({ min, max }));
    }
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      // `{ not: {} }` marks a key that must be absent; `{}` is anything.
      return schema.not ? fc.constant(undefined) : json;
  }
}

function objectArbitrary(schema: Schema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const properties: Record<string, Schema> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  const keys = Object.keys(properties).filter((k) => !properties[k]?.not);
  if (keys.length === 0 && schema.additionalProperties && schema.additionalProperties !== true) {
    const key = schema.propertyNames
      ? stringArbitrary(schema.propertyNames, ctx)
      : fc.string({ maxLength: 12 });
    return fc.dictionary(
      key as fc.Arbitrary<string>,
      arbitraryFor(schema.additionalProperties, ctx, depth + 1),
      {
        maxKeys: 4,
      },
    );
  }
  const model = Object.fromEntries(
    keys.map((k) => [k, byName(k, properties[k]) ?? arbitraryFor(properties[k], ctx, depth + 1)]),
  );
  return fc.record(model, { requiredKeys: keys.filter((k) => required.has(k)) });
}

/**
 * Values for fields whose rules the JSON Schema does not carry (zod refinements), told by their name:
 * addresses, e-mails, Index areas, a base version not ahead of a small library. Mostly these, sometimes
 * anything the schema allows, so both sides of the rule are sent.
 */
function byName(key: string, schema: Schema): fc.Arbitrary<unknown> | null {
  const loose = (arb: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: json });
  const types = JSON.stringify(schema);
  if (/^(url|canonicalUrl|pageUrl|website|image|sourceUrl)$/.test(key) && types.includes('"string"'))
    return loose(fc.webUrl());
  if (key === 'emails') return loose(fc.array(fc.emailAddress(), { maxLength: 3 }));
  if (key === 'areas' || key === 'topics') return loose(fc.subarray([...indexAreaIds], { maxLength: 3 }));
  if (key === 'baseVersion') return loose(fc.nat(3));
  return null;
}

function stringArbitrary(schema: Schema, ctx: SchemaContext): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? minLength + 24, minLength + 24);
  if (schema.pattern === uuidPattern) {
    const fresh = fc.uuid({ version: 7 });
    return ctx.knownIds.length ? fc.oneof(fc.constantFrom(...ctx.knownIds), fresh) : fresh;
  }
  if (schema.format === 'date-time') return isoDate;
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) {
    try {
      const pattern = new RegExp(schema.pattern);
      return fc.stringMatching(pattern).filter((s) => s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern JavaScript cannot read: fall through to plain strings.
    }
  }
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    ...(ctx.knownIds.length ? [fc.constantFrom(...ctx.knownIds)] : []),
  );
}

function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#/')) return true;
  let at = root;
  for (const part of ref.slice(2).split('/')) at = at?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return at ?? true;
}
