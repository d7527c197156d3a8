// The side panel: the library beside the page, the city's contacts, and the Translate tab.
import { useEffect, useState } from 'preact/hooks';
import { contactFromPage } from '../../features/contact-form-values.ts';
import { onSidePanelNotice, takeSidePanelNotice } from '../../features/side-panel-notice.ts';
import { onTranslateRequest, takeTranslateRequest } from '../../features/translate-selection.ts';
import { type MessageKey, t } from '../../lib/i18n.ts';
import type { ClipSelectionReply } from '../../lib/messages.ts';
import { Header } from '../components/Header.tsx';
import { Notice, type NoticeTone } from '../components/Notice.tsx';
import { ConflictsView } from './ConflictsView.tsx';
import { type ContactCapture, ContactsView } from './ContactsView.tsx';
import { LibraryView } from './LibraryView.tsx';
import { PracticeView } from './PracticeView.tsx';
import { SyncBar } from './SyncBar.tsx';
import { emptyWork } from './TranslateForm.tsx';
import { type TranslateStart, TranslateView } from './TranslateView.tsx';
import { useConnection } from './useConnection.ts';
import { useContacts } from './useContacts.ts';
import { useLibrary } from './useLibrary.ts';
import { useSyncStatus } from './useSyncStatus.ts';

const failureMessage: Record<Exclude<ClipSelectionReply, { ok: true }>['reason'], MessageKey> = {
  'no-selection': 'selectionEmpty',
  restricted: 'extractRestricted',
  failed: 'extractFailed',
};

const translateFailure: Record<'no-selection' | 'restricted' | 'failed', MessageKey> = {
  'no-selection': 'translateSelectFirst',
  restricted: 'extractRestricted',
  failed: 'extractFailed',
};

const tabLabel = { library: 'tabLibrary', contacts: 'tabContacts', translate: 'tabTranslate' } as const;

export function SidePanelApp() {
  const library = useLibrary();
  const { status, directory } = useSyncStatus();
  const connection = useConnection(status.phase);
  const [openId, setOpenId] = useState<string | null>(null);
  const [showConflicts, setShowConflicts] = useState(false);
  const [tab, setTab] = useState<'library' | 'contacts' | 'translate'>('library');
  const [translateStart, setTranslateStart] = useState<TranslateStart | null>(null);
  const [capture, setCapture] = useState<ContactCapture | null>(null);
  const contacts = useContacts();
  const country = connection?.cityCountry ?? browserRegion();
  const readOnly = connection?.role === 'viewer';
  // A contributor's delete of a contact is set aside on the server for a coordinator to restore or erase;
  // only a coordinator's (or a library not connected to a server) erases (server/stakeholders/set-aside.ts).
  const erasesContacts = !connection || connection.role === 'coordinator';
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

  // "Translate selection" from the page (context menu or shortcut): the Translate tab with the text.
  useEffect(() => {
    const take = async () => {
      const posted = await takeTranslateRequest();
      if (!posted) return;
      setTab('translate');
      setShowConflicts(false);
      if (!posted.ok) return setNotice({ tone: 'warn', text: t(translateFailure[posted.reason]) });
      setNotice(null);
      const { request } = posted;
      setTranslateStart({
        work: {
          ...emptyWork,
          sourceText: request.text,
          sourceUrl: request.pageUrl,
          practiceId: request.practiceId ?? '',
        },
        at: request.at,
      });
    };
    void take();
    return onTranslateRequest(() => void take());
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
          {(['library', 'contacts', 'translate'] as const).map((name) => (
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
              {t(tabLabel[name])}
            </button>
          ))}
        </div>
        {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
        {openId && library.loaded && !open && <Notice tone="warn">{t('practiceNotFound')}</Notice>}
        {tab === 'translate' ? (
          <TranslateView
            start={translateStart}
            practices={library.practices}
            connection={connection}
            readOnly={readOnly}
            authorName={authorName}
          />
        ) : tab === 'contacts' ? (
          <ContactsView
            contacts={contacts}
            library={library}
            country={country}
            capture={capture}
            onCaptureDone={() => setCapture(null)}
            readOnly={readOnly}
            erases={erasesContacts}
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
            connected={connection !== null}
            authorName={authorName}
            onTranslateSummary={() => {
              setTab('translate');
              setNotice(null);
              setTranslateStart({
                work: {
                  ...emptyWork,
                  sourceText: open.excerpt,
                  sourceLang: open.lang?.split('-')[0]?.toLowerCase() ?? '',
                  sourceUrl: /^https?:/.test(open.url) ? open.url : null,
                  practiceId: open.id,
                  summaryFor: open.id,
                },
                at: Date.now(),
              });
            }}
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
