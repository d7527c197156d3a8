// The toolbar popup: opens pre-filled with what the page says about itself; the member adds areas, tags and
// a note and saves. On a page already in the library it opens that practice instead of making a duplicate.

import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Practice } from '../../../shared/schemas/practice.ts';
import type { Stakeholder } from '../../../shared/schemas/stakeholder.ts';
import {
  draftKeyFor,
  findClipped,
  formValuesFrom,
  type PreparedClip,
  prepareClip,
  saveExistingClip,
  saveNewClip,
} from '../../features/clip-page.ts';
import { shouldOfferMark } from '../../features/mark-prompt.ts';
import { openSidePanel } from '../../features/open-side-panel.ts';
import { formatDate, type MessageKey, t } from '../../lib/i18n.ts';
import { sendRequest } from '../../lib/messages.ts';
import type { PracticeFormValues } from '../../lib/practice-form-values.ts';
import { type TargetTab, targetTab } from '../../lib/tab-target.ts';
import { clearDraft, loadDraft, saveDraft } from '../../store/drafts.ts';
import { listTags } from '../../store/practices.ts';
import { listStakeholders } from '../../store/stakeholders.ts';
import { Header } from '../components/Header.tsx';
import { MarkOffer } from '../components/MarkOffer.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageMeta } from '../components/PageMeta.tsx';
import { PracticeForm } from '../components/PracticeForm.tsx';
import { ConnectOffer, connectLinkIn } from './ConnectOffer.tsx';

const problemMessage: Record<NonNullable<PreparedClip['problem']>, MessageKey> = {
  restricted: 'extractRestricted',
  'no-article': 'extractNoArticle',
  failed: 'extractFailed',
  'not-a-page': 'clipNotAPage',
};

export function PopupApp() {
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [prep, setPrep] = useState<PreparedClip | null>(null);
  const [existing, setExisting] = useState<Practice | null>(null);
  const [values, setValues] = useState<PracticeFormValues | null>(null);
  const [keepSelection, setKeepSelection] = useState(true);
  const [tags, setTags] = useState<string[]>([]);
  const [contacts, setContacts] = useState<Stakeholder[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready' | 'saving' | 'saved' | 'no-tab'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [draftRestored, setDraftRestored] = useState(false);
  const [offerMark, setOfferMark] = useState(false);
  const [savedNew, setSavedNew] = useState(false);
  const [readOnly, setReadOnly] = useState(false);
  const edited = useRef(false);

  useEffect(() => {
    void (async () => {
      void listTags().then(setTags);
      void listStakeholders().then(setContacts);
      void sendRequest((m) => browser.runtime.sendMessage(m), { type: 'connection-info' }).then((r) =>
        setReadOnly(r.connection?.role === 'viewer'),
      );
      const current = await targetTab();
      if (!current) return setStatus('no-tab');
      setTab(current);
      const clipped = await findClipped(current);
      if (clipped) {
        setExisting(clipped);
        setValues(formValuesFrom(clipped));
        setStatus('ready');
      }
      const prepared = await prepareClip(current);
      setPrep(prepared);
      const practice = clipped ?? prepared.existing;
      const draft = await loadDraft(practice ? `practice:${practice.id}` : prepared.draftKey);
      if (edited.current) return; // the member started typing meanwhile: keep their text
      if (practice) {
        setExisting(practice);
        setValues({ ...formValuesFrom(practice), ...(draft as Partial<PracticeFormValues> | undefined) });
      } else {
        const { title, excerpt } = prepared.page.metadata;
        setValues({
          title,
          excerpt,
          areas: [],
          tags: [],
          note: '',
          stakeholderIds: [],
          visibility: 'city',
          ...(draft as Partial<PracticeFormValues>),
        });
      }
      setDraftRestored(!!draft);
      setStatus('ready');
    })().catch((e: unknown) => setError(String(e)));
  }, []);

  const draftKey = existing
    ? `practice:${existing.id}`
    : prep
      ? prep.draftKey
      : tab?.url
        ? draftKeyFor(tab.url)
        : null;
  const change = (next: PracticeFormValues) => {
    edited.current = true;
    setValues(next);
    if (draftKey) void saveDraft(draftKey, { ...next });
  };

  const save = async () => {
    if (!values || !tab || status === 'saving') return;
    if (!values.title.trim()) return setError(t('errorTitleRequired'));
    setError(null);
    setStatus('saving');
    try {
      const page = prep?.page;
      if (existing) {
        setExisting(await saveExistingClip(existing, values, page?.selection ?? null, keepSelection));
      } else {
        if (!page) return setStatus('ready'); // still reading: the button is disabled meanwhile
        setExisting(await saveNewClip(page, values, keepSelection));
      }
      if (draftKey) await clearDraft(draftKey);
      setSavedNew(!existing);
      setStatus('saved');
      setOfferMark(await shouldOfferMark());
      if (tab.url)
        void sendRequest(browser.runtime.sendMessage, { type: 'refresh-mark', tabId: tab.id, url: tab.url });
    } catch (e) {
      setStatus('ready');
      setError(t('errorSaveFailed', e instanceof Error ? e.message : String(e)));
    }
  };

  const selection = prep?.page.selection;
  const connectLink = connectLinkIn(tab?.url);
  return (
    <div class="popup">
      <Header />
      <main class="content">
        {status === 'no-tab' && <Notice tone="error">{t('errorNoTab')}</Notice>}
        {readOnly && <Notice tone="warn">{t('readOnlyRole')}</Notice>}
        {connectLink && <ConnectOffer link={connectLink} />}
        {status === 'loading' && <Notice tone="info">{t('popupReading')}</Notice>}
        {existing && status !== 'saved' && (
          <Notice tone="info">{t('alreadyClipped', formatDate(existing.clippedAt))}</Notice>
        )}
        {!existing && prep?.problem && <Notice tone="warn">{t(problemMessage[prep.problem])}</Notice>}
        {draftRestored && status === 'ready' && <Notice tone="info">{t('draftRestored')}</Notice>}
        {error && <Notice tone="error">{error}</Notice>}
        {status === 'saved' && (
          <>
            <Notice tone="ok">{savedNew ? t('saved') : t('changesSaved')}</Notice>
            {offerMark && <MarkOffer onDone={() => setOfferMark(false)} />}
          </>
        )}
        {prep && <PageMeta metadata={existing ?? prep.page.metadata} />}
        {values && prep?.problem !== 'not-a-page' && (
          <PracticeForm
            values={values}
            tagSuggestions={tags}
            contacts={contacts}
            onChange={change}
            onSubmit={save}
            submitLabel={existing ? t('saveChanges') : t('save')}
            busy={readOnly || status === 'saving' || (!existing && !prep)}
          >
            {selection && (
              <label class="field">
                <input
                  type="checkbox"
                  checked={keepSelection}
                  onChange={(e) => setKeepSelection(e.currentTarget.checked)}
                />{' '}
                {t('keepSelection')}
                <blockquote class="quote">{selection.text.slice(0, 300)}</blockquote>
              </label>
            )}
          </PracticeForm>
        )}
        <div class="actions">
          <button
            type="button"
            class="link"
            onClick={() => {
              openSidePanel({ tabId: tab?.id });
              window.close();
            }}
          >
            {t('openLibrary')}
          </button>
        </div>
      </main>
    </div>
  );
}
