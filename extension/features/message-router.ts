// Answers the typed requests of extension pages. A request from anything but the extension's own pages
// (a content script, another extension, a web page) is refused without acting on it.
import { browser } from 'wxt/browser';
import { requestSchema } from '../lib/messages.ts';
import { callWithConnection } from '../sync/call-with-connection.ts';
import { openConflicts, resolveConflict } from '../sync/conflicts.ts';
import { type Connection, getConnection, withoutToken } from '../sync/connection.ts';
import {
  cityGlossaryOnServer,
  deleteGlossaryTermOnServer,
  putGlossaryTermOnServer,
} from '../sync/glossary-client.ts';
import { syncNow } from '../sync/sync-engine.ts';
import { enginesOnServer, type ServerReply, translateOnServer } from '../sync/translate-client.ts';
import { captureContact } from './capture-contact.ts';
import { clipSelection } from './clip-selection.ts';
import { connectLibrary, disconnectLibrary } from './connect-library.ts';
import { postSidePanelNotice } from './side-panel-notice.ts';
import { refreshMark } from './toolbar-mark.ts';
import { translateSelection } from './translate-selection.ts';

interface Sender {
  id?: string;
  url?: string;
}

export function isOwnPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

export async function routeRequest(message: unknown, sender: Sender): Promise<unknown> {
  if (!isOwnPage(sender)) return { ok: false, reason: 'refused' };
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: parsed.error.issues[0]?.message };
  const request = parsed.data;
  switch (request.type) {
    case 'clip-selection':
      return clipSelection(request.tabId);
    case 'capture-contact': {
      const contact = await captureContact(request.tabId);
      await postSidePanelNotice({ contact });
      return contact;
    }
    case 'refresh-mark':
      await refreshMark(request.tabId, request.url);
      return { ok: true };
    case 'connect':
      return connectLibrary(request.server, request.token);
    case 'disconnect':
      await disconnectLibrary();
      return { ok: true };
    case 'connection-info': {
      const connection = await getConnection();
      return { connection: connection ? withoutToken(connection) : null };
    }
    case 'sync-now':
      return syncNow();
    case 'list-conflicts':
      return callWithConnection(async (c) => ({ ok: true, conflicts: await openConflicts(c) }));
    case 'resolve-conflict':
      return callWithConnection(async (c) => {
        await resolveConflict(c, request.id, request.action);
        void syncNow();
        return { ok: true };
      });
    case 'translate-selection':
      return translateSelection(request.tabId);
    case 'translate': {
      const { type: _type, ...body } = request;
      return withServer((c) => translateOnServer(c, body));
    }
    case 'translation-engines':
      return withServer(enginesOnServer);
    case 'city-glossary':
      return withServer(cityGlossaryOnServer);
    case 'glossary-put': {
      const { type: _type, id, ...body } = request;
      return withServer((c) => putGlossaryTermOnServer(c, id, body));
    }
    case 'glossary-delete':
      return withServer((c) => deleteGlossaryTermOnServer(c, request.id));
  }
}

/** A server call that needs the connection; not connected is an answer, not an exception. */
async function withServer<T>(call: (c: Connection) => Promise<ServerReply<T>>): Promise<ServerReply<T>> {
  const connection = await getConnection();
  if (!connection) return { ok: false, failure: { code: 'not_connected', message: 'not connected' } };
  return call(connection);
}
