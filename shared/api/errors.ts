// The one error body of the HTTP API: `{ error: { code, message, details? } }`. A validation failure has
// code `validation_failed`, names the failing field in `message` and lists every issue in `details`.
import { z } from '../zod.ts';

export const validationIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
