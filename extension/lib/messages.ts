// Every message between extension contexts, declared once, typed and validated on receipt.
// Only extension pages may send them (never a content script): the background checks the sender.
import { z } from 'zod';

export const requestSchema = z.discriminatedUnion('type', [
  /** Clip the selected passage of a tab as a highlight (context menu, shortcut, or an extension page). */
  z.object({ type: z.literal('clip-selection'), tabId: z.number().int().nonnegative() }),
  /** Re-evaluate the "already clipped" mark of a tab after the popup saved or opened a practice. */
  z.object({ type: z.literal('refresh-mark'), tabId: z.number().int().nonnegative(), url: z.string() }),
]);
export type ExtensionRequest = z.infer<typeof requestSchema>;

export type ClipSelectionReply =
  | { ok: true; practiceId: string; highlightId: string; title: string; createdPractice: boolean }
  | { ok: false; reason: 'no-selection' | 'restricted' | 'failed'; detail?: string };

export interface Replies {
  'clip-selection': ClipSelectionReply;
  'refresh-mark': { ok: true };
}

/** Sends a request to the background and returns its typed reply. */
export async function sendRequest<R extends ExtensionRequest>(
  send: (message: unknown) => Promise<unknown>,
  request: R,
): Promise<Replies[R['type']]> {
  return (await send(request)) as Replies[R['type']];
}
