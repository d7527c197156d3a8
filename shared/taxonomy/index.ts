// The ICC taxonomy the product ships with: principles, the 18 Index areas (stable ids, EN/FR labels, group),
// national networks and member cities. Source: ../shared/data/icc-taxonomy.json, copied here so a user's clone
// is self-contained. A server operator may update it; ids are stable.
import { z } from 'zod';
import raw from './icc-taxonomy.json' with { type: 'json' };

export const indexAreaGroups = ['core', 'intercultural_lens', 'optional'] as const;
export type IndexAreaGroup = (typeof indexAreaGroups)[number];

const labelled = z.object({ id: z.string().min(1), en: z.string().min(1), fr: z.string().min(1) });
const taxonomySchema = z.object({
  principles: z.array(labelled),
  indexAreas: z.array(labelled.extend({ group: z.enum(indexAreaGroups) })),
  nationalNetworks: z.array(z.object({ id: z.string(), name: z.string(), country: z.string().length(2) })),
  cities: z.array(
    z.object({
      name: z.string(),
      country: z.string().length(2),
      network: z
        .string()
        .nullish()
        .transform((v) => v ?? null),
      lang: z.string(),
    }),
  ),
});

export type Taxonomy = z.infer<typeof taxonomySchema>;
export type IndexArea = Taxonomy['indexAreas'][number];

export const taxonomy: Taxonomy = taxonomySchema.parse(raw);
export const indexAreas: readonly IndexArea[] = taxonomy.indexAreas;
export const indexAreaIds: readonly string[] = indexAreas.map((a) => a.id);

const byId = new Map(indexAreas.map((a) => [a.id, a]));
export function findIndexArea(id: string): IndexArea | undefined {
  return byId.get(id);
}

/** The label of an Index area in the UI language; French for any `fr*` locale, English otherwise. */
export function indexAreaLabel(id: string, locale: string): string {
  const area = byId.get(id);
  if (!area) return id;
  return locale.toLowerCase().startsWith('fr') ? area.fr : area.en;
}

/** Areas grouped for pickers, in taxonomy order. */
export function indexAreasByGroup(): { group: IndexAreaGroup; areas: IndexArea[] }[] {
  return indexAreaGroups.map((group) => ({ group, areas: indexAreas.filter((a) => a.group === group) }));
}
