// Fields every synced object carries. Ids are minted by clients (UUIDv7) so objects can be created offline;
// `cityId`, `createdBy` and `version` are the server's to set (a local-only library has them null / 0);
// deletion is a tombstone (`deletedAt`) so that a delete reaches every copy through sync.

import { uuidPattern } from '../ids.ts';
import { z } from '../zod.ts';

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

/**
 * The address of a clipped page: a web page or a local file (what the extension can clip, isClippableUrl in
 * shared/url.ts). No other scheme: ms-msdt:, search-ms:, javascript: and the like would be links that launch
 * something, and exports and pages link only http(s) anyway (shared/safe-link.ts).
 */
export const pageUrl = z
  .string()
  .max(8192)
  .refine((s) => {
    try {
      return ['http:', 'https:', 'file:'].includes(new URL(s).protocol);
    } catch {
      return false;
    }
  }, 'must be a page address (http, https or file)');

/**
 * A language tag (BCP 47's syntax, loosely: a 2–3 letter language, then subtags of 1–8 letters or digits),
 * e.g. "fr", "pt-BR", "zh-Hant-TW", "und". Nothing else: no space, no line break, no separator an export
 * could be split on (issue 15: an unescaped CR/LF in a language wrote its own vCard line).
 */
export const languageTagPattern = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
export const languageTag = z
  .string()
  .max(35)
  .regex(languageTagPattern, 'must be a language tag such as "fr" or "pt-BR"');

/** A page's declared language as a tag: trimmed, "en_US" → "en-US"; null when it is not a tag at all. */
export function toLanguageTag(raw: string | null | undefined): string | null {
  const tag = (raw ?? '').trim().replace(/_/g, '-');
  return tag.length <= 35 && languageTagPattern.test(tag) ? tag : null;
}

/**
 * A clipped page's language, repaired rather than refused: pages declare "en_US", "" or "english", and
 * practices (and outboxes) stored before this check hold them, so a clip or an edit must never fail on it.
 * The output is always a tag or null.
 */
export const pageLanguage = z.string().transform(toLanguageTag).nullable();

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
