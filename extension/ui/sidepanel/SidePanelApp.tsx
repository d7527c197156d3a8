// The side panel: the library beside the page. Later issues add the Contacts and Translate views here.
import { useEffect, useState } from 'preact/hooks';
import { contactFromPage } from '../../features/contact-form-values.ts';
import { onSidePanelNotice, takeSidePanelNotice } from '../../features/side-panel-notice.ts';
import { type MessageKey, t } from '../../lib/i18n.ts';
import type { ClipSelectionReply } from '../../lib/messages.ts';
import { Header } from '../components/Header.tsx';
import { Notice, type NoticeTone } from '../components/Notice.tsx';
import { ConflictsView } from './ConflictsView.tsx';
import { type ContactCapture, ContactsView } from './ContactsView.tsx';
import { LibraryView } from './LibraryView.tsx';
import { PracticeView } from './PracticeView.tsx';
import { SyncBar } from './SyncBar.tsx';
import { useConnection } from './useConnection.ts';
import { useContacts } from './useContacts.ts';
import { useLibrary } from './useLibrary.ts';
import { useSyncStatus } from './useSyncStatus.ts';

const failureMessage: Record<Exclude<ClipSelectionReply, { ok: true }>['reason'], MessageKey> = {
  'no-selection': 'selectionEmpty',
  restricted: 'extractRestricted',
  failed: 'extractFailed',
};

export function SidePanelApp() {
  const library = useLibrary();
  const { status, directory } = useSyncStatus();
  const connection = useConnection(status.phase);
  const [openId, setOpenId] = useState<string | null>(null);
  const [showConflicts, setShowConflicts] = useState(false);
  const [tab, setTab] = useState<'library' | 'contacts'>('library');
  const [capture, setCapture] = useState<ContactCapture | null>(null);
  const contacts = useContacts();
  const country = connection?.cityCountry ?? browserRegion();
  const readOnly = connection?.role === 'viewer';
  const authorName = (memberId: string | null) =>
    memberId === null || memberId === connection?.memberId
      ? (connection?.memberName ?? null)
      : (directory.names[memberId] ?? t('unknownMember'));
  const [notice, setNotice] = useState<{ tone: NoticeTone; text: string } | null>(null);

  useEffect(() => {
    const show = async () => {
      const posted = await takeSidePanelNotice();
      if (!posted) return;
      const { reply, contact } = posted;
      if (contact?.ok) {
        setTab('contacts');
        setNotice(null);
        setCapture({
          values: contactFromPage(contact.page),
          prefilled: contact.page.drafts.length > 0,
          at: posted.at,
        });
      } else if (contact) {
        setNotice({ tone: 'warn', text: t(failureMessage[contact.reason]) });
      } else if (reply?.ok) {
        setTab('library');
        setNotice({ tone: 'ok', text: t('selectionSaved', reply.title) });
        setOpenId(reply.practiceId);
      } else if (reply) {
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
        <SyncBar
          status={status}
          cityName={connection?.cityName ?? null}
          onShowConflicts={() => setShowConflicts(true)}
        />
        <div class="tabs" role="tablist">
          {(['library', 'contacts'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              onClick={() => {
                setTab(name);
                setShowConflicts(false);
              }}
            >
              {t(name === 'library' ? 'tabLibrary' : 'tabContacts')}
            </button>
          ))}
        </div>
        {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
        {openId && library.loaded && !open && <Notice tone="warn">{t('practiceNotFound')}</Notice>}
        {tab === 'contacts' ? (
          <ContactsView
            contacts={contacts}
            library={library}
            country={country}
            capture={capture}
            onCaptureDone={() => setCapture(null)}
            readOnly={readOnly}
          />
        ) : showConflicts ? (
          <ConflictsView library={library} directory={directory} onBack={() => setShowConflicts(false)} />
        ) : open ? (
          <PracticeView
            key={open.id}
            practice={open}
            library={library}
            contacts={contacts.contacts}
            readOnly={readOnly}
            authorName={authorName}
            onBack={(message) => {
              setOpenId(null);
              setNotice(message ? { tone: 'ok', text: message } : null);
            }}
          />
        ) : (
          <LibraryView
            library={library}
            authorName={authorName}
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

/** The region of the browser's language ("fr-BE" → BE): national phone numbers are read with it when no city is connected. */
function browserRegion(): string {
  return navigator.language.split('-')[1]?.toUpperCase() ?? 'FR';
}
