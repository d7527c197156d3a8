// Translation: what the server-side engines answered (a cache, per city), how many characters each member sent
// to an engine each day (the daily limit), and the city's own glossary terms (the ICC glossary itself ships in
// shared/translate; a city adds its local-language labels and its own terms here).
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cities, members } from './tenancy.ts';

export const translationCache = sqliteTable(
  'translation_cache',
  {
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id),
    /** SHA-256 (hex) of engine, source language, target language and text. */
    key: text('key').notNull(),
    engine: text('engine').notNull(),
    sourceLang: text('source_lang').notNull(),
    targetLang: text('target_lang').notNull(),
    /** The language the engine detected when the source was `auto`. */
    detectedLang: text('detected_lang'),
    translatedText: text('translated_text').notNull(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.key] }), index('translation_cache_used_idx').on(t.lastUsedAt)],
);

export const translationUsage = sqliteTable(
  'translation_usage',
  {
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    /** UTC day, YYYY-MM-DD. */
    day: text('day').notNull(),
    characters: integer('characters').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.day] })],
);

export const glossaryTerms = sqliteTable(
  'glossary_terms',
  {
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id),
    id: text('id').notNull(),
    /** Labels of one concept by language, e.g. `{ "en": "youth council", "it": "consulta giovani" }`. */
    labels: text('labels', { mode: 'json' }).notNull().$type<Record<string, string>>(),
    /** The built-in ICC concept this row extends (its local-language label), or null for a city's own term. */
    conceptId: text('concept_id'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] })],
);
