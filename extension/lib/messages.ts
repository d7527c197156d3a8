// Every message between extension contexts, declared once, typed and validated on receipt.
// Only extension pages may send them (never a content script): the background checks the sender.
import { z } from 'zod';
import type { Conflict } from '../../shared/api/conflicts.ts';
import type { GlossaryTerm } from '../../shared/api/glossary.ts';
import type { TranslateResponse } from '../../shared/api/translate.ts';
import type { CaptureContactReply } from '../features/capture-contact.ts';
import type { TranslateSelectionReply } from '../features/translate-selection.ts';
import type { SyncFailure } from '../sync/api-client.ts';
import type { ConnectionInfo } from '../sync/connection.ts';
import type { SyncStatus } from '../sync/sync-status.ts';
import type { EnginesInfo, ServerReply } from '../sync/translate-client.ts';

export const requestSchema = z.discriminatedUnion('type', [
  /** Clip the selected passage of a tab as a highlight (context menu, shortcut, or an extension page). */
  z.object({ type: z.literal('clip-selection'), tabId: z.number().int().nonnegative() }),
  /** Read the selected contact block of a tab for the contact form (context menu, shortcut, or a page). */
  z.object({ type: z.literal('capture-contact'), tabId: z.number().int().nonnegative() }),
  /** Re-evaluate the "already clipped" mark of a tab after the popup saved or opened a practice. */
  z.object({ type: z.literal('refresh-mark'), tabId: z.number().int().nonnegative(), url: z.string() }),
  /** Connect to a city library with a server address and a member's token (from a connect link or code). */
  z.object({
    type: z.literal('connect'),
    server: z.url({ protocol: /^https?$/ }),
    token: z.string().min(1).max(500),
  }),
  z.object({ type: z.literal('disconnect') }),
  z.object({ type: z.literal('connection-info') }),
  z.object({ type: z.literal('sync-now') }),
  z.object({ type: z.literal('list-conflicts') }),
  z.object({
    type: z.literal('resolve-conflict'),
    id: z.string().min(1),
    action: z.enum(['restore', 'dismiss']),
  }),
  /** Read the selected text of a tab for the Translate tab (context menu, shortcut, or an extension page). */
  z.object({ type: z.literal('translate-selection'), tabId: z.number().int().nonnegative() }),
  /** A machine suggestion from the city server's engines (the keys stay on the server). */
  z.object({
    type: z.literal('translate'),
    text: z.string().min(1).max(20_000),
    source: z.string().min(2).max(35),
    target: z.string().min(2).max(35),
    engine: z.enum(['libretranslate', 'deepl']).optional(),
  }),
  /** Which engines the city server offers, its limits, and the city's language. */
  z.object({ type: z.literal('translation-engines') }),
  /** The city's own glossary terms. */
  z.object({ type: z.literal('city-glossary') }),
  /** Create or replace one of the city's glossary terms (coordinators and contributors; the server checks). */
  z.object({
    type: z.literal('glossary-put'),
    id: z.string().min(1).max(64),
    conceptId: z.string().min(1).max(100).nullable(),
    labels: z.record(z.string(), z.string()),
    note: z.string().max(2000).optional(),
  }),
  /** Delete one of the city's glossary terms. */
  z.object({ type: z.literal('glossary-delete'), id: z.string().min(1).max(64) }),
]);
export type ExtensionRequest = z.infer<typeof requestSchema>;

export type ClipSelectionReply =
  | { ok: true; practiceId: string; highlightId: string; title: string; createdPractice: boolean }
  | { ok: false; reason: 'no-selection' | 'restricted' | 'failed'; detail?: string };

export type FailureReply = { ok: false; failure: SyncFailure };

export interface Replies {
  'clip-selection': ClipSelectionReply;
  'capture-contact': CaptureContactReply;
  'refresh-mark': { ok: true };
  connect: { ok: true; connection: ConnectionInfo } | FailureReply;
  disconnect: { ok: true };
  'connection-info': { connection: ConnectionInfo | null };
  'sync-now': SyncStatus;
  'list-conflicts': { ok: true; conflicts: Conflict[] } | FailureReply;
  'resolve-conflict': { ok: true } | FailureReply;
  'translate-selection': TranslateSelectionReply;
  translate: ServerReply<TranslateResponse>;
  'translation-engines': ServerReply<EnginesInfo>;
  'city-glossary': ServerReply<GlossaryTerm[]>;
  'glossary-put': ServerReply<GlossaryTerm>;
  'glossary-delete': ServerReply<{ deleted: string }>;
}

/** Sends a request to the background and returns its typed reply. */
export async function sendRequest<R extends ExtensionRequest>(
  send: (message: unknown) => Promise<unknown>,
  request: R,
): Promise<Replies[R['type']]> {
  return (await send(request)) as Replies[R['type']];
}
