// The page side of connecting: read a pasted connect link or code, ask the browser for access to that one
// server origin (the prompt needs the member's click, so this runs inside the click handler), then let the
// background check the token and start syncing.
import { browser } from 'wxt/browser';
import { parseConnectInput } from '../../shared/api/connect.ts';
import { type FailureReply, type Replies, sendRequest } from '../lib/messages.ts';

export type PageConnectReply =
  | Replies['connect']
  | { ok: false; problem: 'invalid' | 'permission'; server?: string };

export function readConnectInput(input: string): { server: string; token: string } | null {
  return parseConnectInput(input);
}

export async function connectFromPage(server: string, token: string): Promise<PageConnectReply> {
  let origin: string;
  try {
    origin = new URL(server).origin;
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  const granted: boolean = await browser.permissions.request({ origins: [`${origin}/*`] });
  if (!granted) return { ok: false, problem: 'permission', server: origin };
  return sendRequest((m) => browser.runtime.sendMessage(m), { type: 'connect', server: origin, token });
}

export function isFailure(reply: PageConnectReply): reply is FailureReply {
  return !reply.ok && 'failure' in reply;
}
