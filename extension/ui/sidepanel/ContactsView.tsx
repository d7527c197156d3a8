// Contacts: who is best placed — search by text, topic, type and language, ranked by topic match and
// involvement in the city's practices — and the capture form, pre-filled when the member clipped a selection.
import { useState } from 'preact/hooks';
import { rankStakeholders } from '../../../shared/contacts/ranking.ts';
import { type Stakeholder, stakeholderTypes } from '../../../shared/schemas/stakeholder.ts';
import { indexAreas } from '../../../shared/taxonomy/index.ts';
import { type ContactFormValues, contactValuesOf, emptyContact } from '../../features/contact-form-values.ts';
import { exportContactsCsv, exportContactsVCard } from '../../features/export-contacts.ts';
import { type MessageKey, t, uiLanguage } from '../../lib/i18n.ts';
import { Notice } from '../components/Notice.tsx';
import { ContactEditor } from './ContactEditor.tsx';
import type { useContacts } from './useContacts.ts';
import type { useLibrary } from './useLibrary.ts';

export interface ContactCapture {
  values: ContactFormValues;
  prefilled: boolean;
  /** When it was captured: a new capture opens a fresh form. */
  at: number;
}

interface Props {
  contacts: ReturnType<typeof useContacts>;
  library: ReturnType<typeof useLibrary>;
  country: string;
  capture: ContactCapture | null;
  onCaptureDone: () => void;
  readOnly: boolean;
  /** Whether deleting a contact erases it (a coordinator), or sets it aside for one (a contributor). */
  erases: boolean;
}

export function ContactsView({
  contacts,
  library,
  country,
  capture,
  onCaptureDone,
  readOnly,
  erases,
}: Props) {
  const [query, setQuery] = useState({ text: '', topic: '', type: '', language: '' });
  const [open, setOpen] = useState<Stakeholder | null>(null);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [reviewOnly, setReviewOnly] = useState(false);
  const lang = uiLanguage();

  const close = (text: string | null) => {
    setOpen(null);
    setCreating(false);
    onCaptureDone();
    setMessage(text);
  };
  if (capture || creating || open) {
    const draftKey = open ? `contact:${open.id}` : 'contact:new';
    return (
      <ContactEditor
        key={open?.id ?? `new-${capture?.at ?? 0}`}
        contact={open}
        initial={open ? contactValuesOf(open) : (capture?.values ?? emptyContact())}
        prefilled={!!capture?.prefilled}
        contacts={contacts.contacts}
        library={library}
        country={country}
        readOnly={readOnly}
        erases={erases}
        draftKey={draftKey}
        onSaved={(_saved, text) => close(text)}
        onErased={(text) => close(text)}
        onBack={() => close(null)}
      />
    );
  }

  // Contacts past their review-by date (GDPR storage limitation): listed for the member to check or erase.
  const now = new Date().toISOString();
  const due = contacts.contacts.filter((c) => c.reviewBy && c.reviewBy < now);
  const ranked = rankStakeholders(
    reviewOnly ? due : contacts.contacts,
    library.practices,
    {
      text: query.text,
      topics: query.topic ? [query.topic] : [],
      type: query.type || undefined,
      language: query.language.trim() || undefined,
    },
    { now: Date.now() },
  );
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading" class="sr-only">
        {t('tabContacts')}
      </h2>
      {message && <Notice tone="ok">{message}</Notice>}
      <input
        type="search"
        aria-label={t('contactsSearch')}
        placeholder={t('contactsSearch')}
        value={query.text}
        onInput={(e) => setQuery({ ...query, text: e.currentTarget.value })}
      />
      <div class="filters">
        <select
          aria-label={t('contactTopics')}
          value={query.topic}
          onChange={(e) => setQuery({ ...query, topic: e.currentTarget.value })}
        >
          <option value="">{t('filterAllAreas')}</option>
          {indexAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {a[lang]}
            </option>
          ))}
        </select>
        <select
          aria-label={t('contactType')}
          value={query.type}
          onChange={(e) => setQuery({ ...query, type: e.currentTarget.value })}
        >
          <option value="">{t('filterAllTypes')}</option>
          {stakeholderTypes.map((type) => (
            <option key={type} value={type}>
              {t(`stype_${type}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <input
        type="text"
        aria-label={t('filterLanguage')}
        placeholder={t('filterLanguage')}
        value={query.language}
        onInput={(e) => setQuery({ ...query, language: e.currentTarget.value })}
      />
      <div class="actions" style={{ marginTop: 0 }}>
        {!readOnly && (
          <button type="button" class="primary" onClick={() => setCreating(true)}>
            {t('contactNew')}
          </button>
        )}
        {ranked.length > 0 && <span class="count-line">{t('contactCount', ranked.length)}</span>}
      </div>
      {contacts.contacts.length > 0 && (
        <div class="actions" style={{ marginTop: 0 }}>
          <button
            type="button"
            class="link"
            onClick={() => exportContactsVCard(ranked.map((r) => r.stakeholder))}
          >
            {t('contactsExportVcard')}
          </button>
          <button
            type="button"
            class="link"
            onClick={() => exportContactsCsv(ranked.map((r) => r.stakeholder))}
          >
            {t('contactsExportCsv')}
          </button>
        </div>
      )}
      {(due.length > 0 || reviewOnly) && (
        <button
          type="button"
          class="link"
          aria-pressed={reviewOnly}
          onClick={() => setReviewOnly(!reviewOnly)}
        >
          {t('contactReviewDue', due.length)}
        </button>
      )}
      {contacts.loaded && contacts.contacts.length === 0 && <Notice tone="info">{t('contactsEmpty')}</Notice>}
      {contacts.contacts.length > 0 && ranked.length === 0 && (
        <Notice tone="info">{t('contactsNoResults')}</Notice>
      )}
      <ul class="list" data-testid="contact-list">
        {ranked.map(({ stakeholder: s }) => (
          <li key={s.id}>
            <button type="button" class="row" onClick={() => setOpen(s)}>
              <span class="title">{s.name}</span>
              <span class="sub">
                {[s.role, s.organisation, t(`stype_${s.type}` as MessageKey)].filter(Boolean).join(' · ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
