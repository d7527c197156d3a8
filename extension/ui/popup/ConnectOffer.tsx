// On a server's /connect#… page (the link printed at first start or by `issue-token`), the popup offers to
// connect: the link's fragment holds the server and token, so nobody copies a secret by hand.
import { useState } from 'preact/hooks';
import { connectFromPage, readConnectInput } from '../../features/connect-from-page.ts';
import { t } from '../../lib/i18n.ts';
import { connectedText, replyText } from '../components/ConnectForm.tsx';
import { Notice } from '../components/Notice.tsx';

export function connectLinkIn(url: string | undefined): { server: string; token: string } | null {
  if (!url || !/\/connect#/.test(url)) return null;
  return readConnectInput(url);
}

export function ConnectOffer({ link }: { link: { server: string; token: string } }) {
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  if (result) return <Notice tone={result.tone}>{result.text}</Notice>;
  return (
    <Notice tone="info">
      <p style={{ margin: '0 0 6px' }}>{t('popupConnectOffer')}</p>
      <button
        type="button"
        class="primary"
        onClick={() =>
          void connectFromPage(link.server, link.token).then((reply) =>
            setResult(
              reply.ok
                ? { tone: 'ok', text: connectedText(reply.connection) }
                : { tone: 'error', text: replyText(reply) ?? t('connectInvalid') },
            ),
          )
        }
      >
        {t('popupConnectButton')}
      </button>
    </Notice>
  );
}
