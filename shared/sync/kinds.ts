// The kinds of synced objects and, per kind, which fields merge as a whole (last writer wins, per field)
// and which are sets that merge element by element (an add on one client and a remove of another element on
// a second client both survive). Everything else about a kind comes from its schema in shared/schemas.
import { z } from 'zod';
import { highlightFields, highlightSchema } from '../schemas/highlight.ts';
import { practiceFields, practiceSchema } from '../schemas/practice.ts';
import { snippetFields, snippetSchema } from '../schemas/snippet.ts';
import { stakeholderFields, stakeholderSchema } from '../schemas/stakeholder.ts';

export const kinds = ['practice', 'highlight', 'stakeholder', 'snippet'] as const;
export const kindSchema = z.enum(kinds);
export type Kind = z.infer<typeof kindSchema>;

interface KindSpec {
  /** The whole object as the API returns it. */
  schema: z.ZodObject;
  /** The fields a client writes, each with its schema. */
  fields: Record<string, z.ZodType>;
  setFields: readonly string[];
}

export const kindSpecs: Record<Kind, KindSpec> = {
  practice: {
    schema: practiceSchema,
    fields: practiceFields,
    setFields: ['areas', 'tags', 'stakeholderIds'],
  },
  highlight: { schema: highlightSchema, fields: highlightFields, setFields: [] },
  stakeholder: {
    schema: stakeholderSchema,
    fields: stakeholderFields,
    setFields: ['emails', 'phones', 'languages', 'topics'],
  },
  snippet: { schema: snippetSchema, fields: snippetFields, setFields: [] },
};

/** Tags and e-mail addresses are the same element whatever their case; the first spelling stays. */
const caseInsensitive = new Set(['tags', 'emails']);

export function elementKey(field: string, value: string): string {
  return caseInsensitive.has(field) ? value.toLocaleLowerCase() : value;
}

export function isSetField(kind: Kind, field: string): boolean {
  return kindSpecs[kind].setFields.includes(field);
}

export function scalarFields(kind: Kind): string[] {
  return Object.keys(kindSpecs[kind].fields).filter((f) => !isSetField(kind, f));
}

/** The schema of one element of a set-valued field (the array's element schema). */
export function elementSchema(kind: Kind, field: string): z.ZodType {
  return (kindSpecs[kind].fields[field] as z.ZodArray<z.ZodType>).element;
}

/** The most elements a set-valued field may hold (its object schema's `.max()`), or undefined for none. */
export function setLimit(kind: Kind, field: string): number | undefined {
  const schema = kindSpecs[kind].schema.shape[field] as z.ZodType | undefined;
  const checks = (schema?._zod.def as { checks?: { _zod: { def: { check?: string; maximum?: number } } }[] })
    ?.checks;
  return checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
}
