// Every message between extension contexts, declared once, typed and validated on receipt.
// Only extension pages may send them (never a content script): the background checks the sender.
import { z } from 'zod';
import type { Conflict } from '../../shared/api/conflicts.ts';
import type { CaptureContactReply } from '../features/capture-contact.ts';
import type { SyncFailure } from '../sync/api-client.ts';
import type { ConnectionInfo } from '../sync/connection.ts';
import type { SyncStatus } from '../sync/sync-status.ts';

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
}

/** Sends a request to the background and returns its typed reply. */
export async function sendRequest<R extends ExtensionRequest>(
  send: (message: unknown) => Promise<unknown>,
  request: R,
): Promise<Replies[R['type']]> {
  return (await send(request)) as Replies[R['type']];
}
