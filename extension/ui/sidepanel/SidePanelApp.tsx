// The side panel: the library beside the page. Later issues add the Contacts and Translate views here.
import { useEffect, useState } from 'preact/hooks';
import { onSidePanelNotice, takeSidePanelNotice } from '../../features/side-panel-notice.ts';
import { type MessageKey, t } from '../../lib/i18n.ts';
import type { ClipSelectionReply } from '../../lib/messages.ts';
import { Header } from '../components/Header.tsx';
import { Notice, type NoticeTone } from '../components/Notice.tsx';
import { LibraryView } from './LibraryView.tsx';
import { PracticeView } from './PracticeView.tsx';
import { useLibrary } from './useLibrary.ts';

const failureMessage: Record<Exclude<ClipSelectionReply, { ok: true }>['reason'], MessageKey> = {
  'no-selection': 'selectionEmpty',
  restricted: 'extractRestricted',
  failed: 'extractFailed',
};

export function SidePanelApp() {
  const library = useLibrary();
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: NoticeTone; text: string } | null>(null);

  useEffect(() => {
    const show = async () => {
      const posted = await takeSidePanelNotice();
      if (!posted) return;
      const { reply } = posted;
      if (reply.ok) {
        setNotice({ tone: 'ok', text: t('selectionSaved', reply.title) });
        setOpenId(reply.practiceId);
      } else {
        setNotice({ tone: 'warn', text: t(failureMessage[reply.reason]) });
      }
    };
    void show();
    return onSidePanelNotice(() => void show());
  }, []);

  const open = openId ? library.practices.find((p) => p.id === openId) : undefined;
  return (
    <div>
      <Header />
      <main class="content">
        {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
        {openId && library.loaded && !open && <Notice tone="warn">{t('practiceNotFound')}</Notice>}
        {open ? (
          <PracticeView
            key={open.id}
            practice={open}
            library={library}
            onBack={(message) => {
              setOpenId(null);
              setNotice(message ? { tone: 'ok', text: message } : null);
            }}
          />
        ) : (
          <LibraryView
            library={library}
            onOpen={(id) => {
              setNotice(null);
              setOpenId(id);
            }}
          />
        )}
      </main>
    </div>
  );
}
