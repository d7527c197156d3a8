// Connect to a city library: paste the connect link or code (or, folded away, the server and token).

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  connectFromPage,
  isFailure,
  type PageConnectReply,
  readConnectInput,
} from '../../features/connect-from-page.ts';
import { type MessageKey, t } from '../../lib/i18n.ts';
import { sendRequest } from '../../lib/messages.ts';
import type { ConnectionInfo } from '../../sync/connection.ts';
import { failureText } from './failure-text.ts';
import { Notice } from './Notice.tsx';

const send = (m: unknown) => browser.runtime.sendMessage(m);

export function connectedText(c: ConnectionInfo): string {
  return t('connectedAs', c.cityName, c.memberName, t(`role_${c.role}` as MessageKey));
}

export function replyText(reply: PageConnectReply): string | null {
  if (reply.ok) return null;
  if (isFailure(reply)) return failureText(reply.failure);
  return reply.problem === 'permission'
    ? t('connectPermissionDenied', reply.server ?? '')
    : t('connectInvalid');
}

export function ConnectForm() {
  const [connection, setConnection] = useState<ConnectionInfo | null | undefined>(undefined);
  const [input, setInput] = useState('');
  const [server, setServer] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void sendRequest(send, { type: 'connection-info' }).then((r) => setConnection(r.connection));
  }, []);

  const connect = async () => {
    const parsed = input.trim() ? readConnectInput(input) : server && token ? { server, token } : null;
    if (!parsed) return setMessage({ tone: 'error', text: t('connectInvalid') });
    setBusy(true);
    setMessage(null);
    const reply = await connectFromPage(parsed.server, parsed.token.trim());
    setBusy(false);
    if (reply.ok) {
      setConnection(reply.connection);
      setInput('');
      setToken('');
      setMessage({ tone: 'ok', text: connectedText(reply.connection) });
    } else {
      setMessage({ tone: 'error', text: replyText(reply) ?? t('connectInvalid') });
    }
  };

  if (connection === undefined) return null;
  return (
    <section aria-labelledby="library-title">
      <h2 id="library-title">{t('optionsLibraryTitle')}</h2>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {connection ? (
        <>
          {!message && <Notice tone="ok">{connectedText(connection)}</Notice>}
          <p class="count-line">{connection.server}</p>
          <button
            type="button"
            onClick={() =>
              void sendRequest(send, { type: 'disconnect' }).then(() => {
                setConnection(null);
                setMessage({ tone: 'ok', text: t('disconnected') });
              })
            }
          >
            {t('disconnect')}
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void connect();
          }}
        >
          <p>{t('optionsLibraryExplain')}</p>
          <label class="field">
            <span>{t('connectInputLabel')}</span>
            <input
              type="text"
              name="connect"
              value={input}
              onInput={(e) => setInput(e.currentTarget.value)}
            />
          </label>
          <details>
            <summary>{t('connectAdvanced')}</summary>
            <label class="field">
              <span>{t('serverLabel')}</span>
              <input
                type="text"
                name="server"
                value={server}
                placeholder="https://"
                onInput={(e) => setServer(e.currentTarget.value)}
              />
            </label>
            <label class="field">
              <span>{t('tokenLabel')}</span>
              <input
                type="password"
                name="token"
                value={token}
                onInput={(e) => setToken(e.currentTarget.value)}
              />
            </label>
          </details>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('connecting') : t('connectButton')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
