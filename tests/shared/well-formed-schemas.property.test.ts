// Every string position of every schema exported from shared/schemas and shared/api refuses a lone UTF-16
// surrogate, naming that position's path, and never refuses a well-formed string for being ill-formed
// (emoji and other astral characters included). The schemas are found by importing the modules and walking
// their definitions (zod 4: `schema._zod.def`), so a schema added later is covered without listing it here.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParse, type z } from 'zod';
import { isWellFormed, loneSurrogateIndex } from '../../shared/well-formed.ts';
import { wellFormedCheck } from '../../shared/zod.ts';

type Schema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string; checks?: { _zod: { check?: unknown } }[] };
const defOf = (s: Schema) => s._zod.def as unknown as Def;
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && '_zod' in v;

/**
 * A string position: its path from the schema's root for a given value there (a record key's path is the key
 * itself), a label to report it by, its own schema, and an input holding a value there.
 */
interface Position {
  pathOf: (value: string) => PropertyKey[];
  label: string[];
  leaf: Schema;
  place: (value: string) => unknown;
}

/** Literal fields of an object (a discriminated union's `kind`), so an input reaches the right option. */
function literals(shape: Record<string, Schema>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(shape)) {
    const def = defOf(s);
    if (def.type === 'literal') out[key] = (def.values as unknown[])[0];
  }
  return out;
}

/** A record key its key schema accepts, for a position inside a record's values. */
function validKey(keySchema: Schema): string {
  const def = defOf(keySchema);
  if (def.type === 'enum') return String(Object.values(def.entries as object)[0]);
  return 'en';
}

/** The same positions one step deeper: under `key` (a fixed path segment) and wrapped by `wrap`. */
const under = (ps: Position[], key: PropertyKey, wrap: (inner: unknown) => unknown): Position[] =>
  ps.map((p) => ({
    pathOf: (v) => [key, ...p.pathOf(v)],
    label: [String(key), ...p.label],
    leaf: p.leaf,
    place: (v) => wrap(p.place(v)),
  }));

function positions(schema: Schema, depth = 0): Position[] {
  if (depth > 30) return [];
  const def = defOf(schema);
  const inner = (s: unknown) => (isSchema(s) ? positions(s, depth + 1) : []);
  switch (def.type) {
    case 'string':
      return [{ pathOf: () => [], label: [], leaf: schema, place: (v) => v }];
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const fixed = literals(shape);
      return Object.entries(shape).flatMap(([key, s]) =>
        under(inner(s), key, (value) => ({ ...fixed, [key]: value })),
      );
    }
    case 'array':
      return under(inner(def.element), 0, (value) => [value]);
    case 'record': {
      // A key position: the string is the key, and the issue is at that key.
      const keys = inner(def.keyType).map((p) => ({
        pathOf: (v: string) => [p.place(v) as PropertyKey],
        label: ['<key>'],
        leaf: p.leaf,
        place: (v: string) => ({ [p.place(v) as string]: 'x' }),
      }));
      const key = validKey(def.keyType as Schema);
      return [...keys, ...under(inner(def.valueType), key, (value) => ({ [key]: value }))];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return inner(def.innerType);
    case 'pipe': {
      // What the input reaches: the pipe's input side, or its output when the input is a bare transform.
      const from = defOf(def.in as Schema).type === 'transform' ? def.out : def.in;
      return inner(from);
    }
    case 'union':
      return (def.options as Schema[]).flatMap((o) => inner(o));
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'lazy':
      return inner((def.getter as () => Schema)());
    default:
      return [];
  }
}

interface Issue {
  path: PropertyKey[];
  message: string;
  code: string;
  errors?: Issue[][];
  issues?: Issue[];
}
/** Every issue, those nested in unions (`errors`) and record keys (`issues`) too, with their full paths. */
function flatten(issues: readonly Issue[], prefix: PropertyKey[] = []): Issue[] {
  return issues.flatMap((i) => {
    const path = [...prefix, ...i.path];
    const nested = [...(i.errors ?? []).flat(), ...(i.issues ?? [])];
    return [{ ...i, path }, ...flatten(nested, path)];
  });
}

const issuesOf = (parsed: { error?: { issues: readonly unknown[] } }) =>
  flatten((parsed.error?.issues ?? []) as Issue[]);

const isProjectString = (leaf: Schema) =>
  (defOf(leaf).checks ?? []).some((c) => c._zod.check === wellFormedCheck);

/** Every zod schema exported by the modules of these folders, by `module.export` name. */
async function exportedSchemas(): Promise<[string, Schema][]> {
  const out: [string, Schema][] = [];
  for (const folder of ['schemas', 'api']) {
    const dir = new URL(`../../shared/${folder}/`, import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(new URL(file, dir).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod))
        if (isSchema(value)) out.push([`${folder}/${file}:${name}`, value]);
    }
  }
  return out;
}

const schemas = await exportedSchemas();
const everyPosition = schemas.flatMap(([name, schema]) =>
  positions(schema).map((p) => ({ name, schema, ...p, key: `${name} ${p.label.join('.')}` })),
);

/** A well-formed string (astral characters likely) with one lone surrogate put in somewhere: the count of
 *  surrogate code units becomes odd, so at least one is unpaired whatever it lands next to. */
const illFormed = fc
  .tuple(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.nat(), fc.integer({ min: 0xd800, max: 0xdfff }))
  .map(([s, at, unit]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + String.fromCharCode(unit) + s.slice(i);
  });
const wellFormed = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => `${s}😀`);

describe('every string of every shared schema is well-formed Unicode', () => {
  it('finds the schemas and their strings (the walk is not empty)', () => {
    expect(schemas.length).toBeGreaterThan(60);
    expect(everyPosition.length).toBeGreaterThan(300);
    // Spot checks that the walk reaches deep and through unions: a pushed highlight's quote, a pulled title.
    const keys = everyPosition.map((p) => p.key);
    expect(keys).toContain('api/sync.ts:pushRequestSchema mutations.0.fields.quote.exact');
    expect(keys).toContain('api/sync.ts:pullResponseSchema changes.0.object.title');
    expect(keys).toContain('api/glossary.ts:glossaryPutSchema labels.<key>');
  });

  it('refuses a lone surrogate at each string position, naming its path', () => {
    for (const p of everyPosition) {
      fc.assert(
        fc.property(illFormed, (bad) => {
          const parsed = safeParse(p.schema, p.place(bad));
          expect(parsed.success, p.key).toBe(false);
          const wanted = p.pathOf(bad).map(String).join('\u0000');
          const here = issuesOf(parsed).filter((i) => i.path.map(String).join('\u0000') === wanted);
          expect(here.length, `${p.key}: no issue at its path`).toBeGreaterThan(0);
          if (isProjectString(p.leaf)) {
            expect(
              here.map((i) => i.message),
              p.key,
            ).toContain(
              `must be well-formed Unicode (a lone surrogate at character ${loneSurrogateIndex(bad)})`,
            );
          }
        }),
        { numRuns: 5 },
      );
    }
  });

  it('every string position is a project string, or a format whose own pattern refuses surrogates', () => {
    for (const p of everyPosition) {
      if (isProjectString(p.leaf)) continue;
      fc.assert(
        fc.property(illFormed, (bad) => {
          expect(safeParse(p.leaf, bad).success, p.key).toBe(false);
        }),
        { numRuns: 20 },
      );
    }
  });

  it('never refuses a well-formed string (emoji included) for being ill-formed', () => {
    for (const p of everyPosition) {
      fc.assert(
        fc.property(wellFormed, (good) => {
          expect(isWellFormed(good)).toBe(true);
          const messages = issuesOf(safeParse(p.schema, p.place(good))).map((i) => i.message);
          expect(
            messages.filter((m) => m.startsWith('must be well-formed Unicode')),
            p.key,
          ).toEqual([]);
        }),
        { numRuns: 5 },
      );
    }
  });
});
