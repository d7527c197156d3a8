// Fields every synced object carries. Ids are minted by clients (UUIDv7) so objects can be created offline;
// `cityId`, `createdBy` and `version` are the server's to set (a local-only library has them null / 0);
// deletion is a tombstone (`deletedAt`) so that a delete reaches every copy through sync.
import { z } from '../zod.ts';
import { uuidPattern } from '../ids.ts';

export const idSchema = z.string().regex(uuidPattern, 'must be a UUID');
export const isoDateTime = z.iso.datetime({ offset: true });

export const syncedFields = {
  id: idSchema,
  cityId: z.string().min(1).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  createdBy: z.string().min(1).nullable(),
  updatedBy: z.string().min(1).nullable(),
  deletedAt: isoDateTime.nullable(),
  /** The city library version of this object's last change on the server; 0 = never synced. */
  version: z.number().int().nonnegative(),
};

/** Fields only the server may set; a client's values for them are ignored. */
export const serverOwnedFields = ['cityId', 'createdBy', 'updatedBy', 'version'] as const;

export const httpUrl = z
  .string()
  .max(4096)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'must be an http(s) address');

/** The address of a clipped page: any absolute URL a browser tab can show, except script and data URLs. */
export const pageUrl = z
  .string()
  .max(8192)
  .refine((s) => {
    try {
      const { protocol } = new URL(s);
      return !['javascript:', 'data:', 'blob:', 'vbscript:'].includes(protocol);
    } catch {
      return false;
    }
  }, 'must be a page address');

/** A tag: trimmed, single spaces, 1–64 characters. Compared case-insensitively. */
export const tagSchema = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1).max(64));

/** Unique by case-insensitive comparison, first spelling wins. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.trim().replace(/\s+/g, ' ');
    const key = t.toLocaleLowerCase();
    if (!t || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
