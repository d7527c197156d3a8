// Request and response schemas of /api/translate (issue 5): the server-side machine translation engines
// (LibreTranslate, DeepL) configured by the server's administrator. Keys never leave the server; the
// extension asks for a suggestion and shows which engine made it. Language codes on this API are lower-case
// BCP-47 (`fr`, `pt-br`); engines' own spellings (`EN-GB`, `zh-Hans`, `pb`) are mapped by the server.
import { z } from '../zod.ts';

export const engineIds = ['libretranslate', 'deepl'] as const;
export const engineIdSchema = z.enum(engineIds);
export type EngineId = z.infer<typeof engineIdSchema>;

/** A language code as this API spells it: lower-case, a 2–3 letter base and optional subtags. */
export const apiLanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, 'must be a language code such as "fr" or "pt-br"');

export const translateRequestSchema = z.object({
  text: z
    .string()
    .refine((s) => s.trim().length > 0, 'must not be empty')
    .describe('the text to translate; at most `limits.maxCharsPerRequest` characters'),
  source: z
    .union([z.literal('auto'), apiLanguageCode])
    .default('auto')
    .describe('the source language, or "auto" to let the engine detect it'),
  target: apiLanguageCode,
  engine: engineIdSchema.optional().describe('use only this engine; default: every configured one in order'),
});
export type TranslateRequest = z.input<typeof translateRequestSchema>;

export const translateResponseSchema = z.object({
  translatedText: z.string(),
  engine: engineIdSchema,
  source: z.string().describe('the detected source language when "auto" was asked, else the given one'),
  detectedConfidence: z.number().min(0).max(1).optional().describe('how sure the engine was, 0–1'),
  cached: z.boolean().describe('answered from the city’s cache: no engine call, no daily characters used'),
});
export type TranslateResponse = z.infer<typeof translateResponseSchema>;

export const engineLanguageSchema = z.object({
  code: z.string(),
  targets: z.array(z.string()),
});
export type EngineLanguage = z.infer<typeof engineLanguageSchema>;

export const enginesResponseSchema = z.object({
  engines: z.array(
    z.object({
      id: engineIdSchema,
      label: z.string(),
      languages: z.array(engineLanguageSchema).describe('empty when the engine could not be reached'),
      available: z.boolean().describe('false when its language list could not be fetched just now'),
      problem: z.string().optional().describe('why it is unavailable'),
    }),
  ),
  limits: z.object({
    maxCharsPerRequest: z.number().int(),
    dailyCharsPerMember: z.number().int(),
    usedToday: z.number().int().describe('characters you sent to an engine today (UTC)'),
  }),
  configureHint: z
    .string()
    .optional()
    .describe('present when no engine is configured: which environment variables to set'),
});
export type EnginesResponse = z.infer<typeof enginesResponseSchema>;

/** Every error code POST /api/translate may answer, besides authentication and rate limiting. */
export const translateErrorCodes = [
  'validation_failed',
  'unsupported_pair',
  'text_too_long',
  'daily_limit',
  'engine_rate_limited',
  'engine_quota',
  'engine_auth',
  'engine_failed',
  'engine_timeout',
  'no_engine',
] as const;
export type TranslateErrorCode = (typeof translateErrorCodes)[number];
