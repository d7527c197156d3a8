// One contact: capture (possibly pre-filled from a selection), edit, merge into an existing duplicate, see
// the practices they are involved in, erase. The typed values are kept as a draft until saved.
import { useEffect, useState } from 'preact/hooks';
import { type DuplicateMatch, findDuplicates, mergeContacts } from '../../../shared/contacts/duplicates.ts';
import type { Stakeholder } from '../../../shared/schemas/stakeholder.ts';
import {
  type ContactFormValues,
  type ContactProblems,
  toStakeholderFields,
} from '../../features/contact-form-values.ts';
import { practicesMentioning } from '../../features/contact-mentions.ts';
import { exportPersonData } from '../../features/export-contacts.ts';
import { t } from '../../lib/i18n.ts';
import { clearDraft, loadDraft, saveDraft } from '../../store/drafts.ts';
import { createStakeholder, eraseStakeholder, updateStakeholder } from '../../store/stakeholders.ts';
import { ContactForm } from '../components/ContactForm.tsx';
import { Notice } from '../components/Notice.tsx';
import type { useLibrary } from './useLibrary.ts';

interface Props {
  contact: Stakeholder | null;
  initial: ContactFormValues;
  prefilled: boolean;
  contacts: readonly Stakeholder[];
  library: ReturnType<typeof useLibrary>;
  country: string;
  readOnly: boolean;
  /** Erase (a coordinator), or delete for a coordinator to restore or erase (a contributor). */
  erases: boolean;
  draftKey: string;
  onSaved: (contact: Stakeholder, message: string) => void;
  onErased: (message: string) => void;
  onBack: () => void;
}

export function ContactEditor(props: Props) {
  const { contact, contacts, library, country, draftKey } = props;
  const [values, setValues] = useState(props.initial);
  const [problems, setProblems] = useState<ContactProblems>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<DuplicateMatch<Stakeholder> | null>(null);
  const [confirmErase, setConfirmErase] = useState(false);
  const [draftRestored, setDraftRestored] = useState(false);
  // Text typed here earlier and never saved comes back (a capture from the page starts afresh).
  useEffect(() => {
    if (props.prefilled) return;
    void loadDraft(draftKey).then((draft) => {
      if (!draft) return;
      setValues((current) => ({ ...current, ...(draft as Partial<ContactFormValues>) }));
      setDraftRestored(true);
    });
  }, [draftKey]);

  const change = (next: ContactFormValues) => {
    setValues(next);
    void saveDraft(draftKey, { ...next });
  };

  const save = async (allowDuplicate = false) => {
    const result = toStakeholderFields(values, country);
    if (!result.ok) return setProblems(result.problems);
    setProblems({});
    const match = contact ? undefined : findDuplicates(result.fields, contacts)[0];
    if (match && !allowDuplicate) return setDuplicate(match);
    setBusy(true);
    try {
      const saved = contact
        ? await updateStakeholder(contact.id, result.fields)
        : await createStakeholder(result.fields);
      await clearDraft(draftKey);
      props.onSaved(saved, t('contactSaved'));
    } catch (e) {
      setError(t('errorSaveFailed', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const merge = async (match: DuplicateMatch<Stakeholder>) => {
    const result = toStakeholderFields(values, country);
    if (!result.ok) return setProblems(result.problems);
    const merged = mergeContacts(match.stakeholder, result.fields);
    const saved = await updateStakeholder(match.stakeholder.id, merged.values);
    await clearDraft(draftKey);
    props.onSaved(saved, t('contactSaved'));
  };

  const involved = contact ? library.practices.filter((p) => p.stakeholderIds.includes(contact.id)) : [];
  // Asked only once the coordinator is about to erase: which practices still name them in their own words.
  const mentions = contact && confirmErase ? practicesMentioning(contact, library.practices) : [];
  return (
    <article aria-labelledby="contact-title">
      <button type="button" class="link" onClick={props.onBack}>
        ← {t('tabContacts')}
      </button>
      <h2 id="contact-title">{contact?.name ?? t('contactNew')}</h2>
      {props.prefilled && <Notice tone="info">{t('contactPrefilled')}</Notice>}
      {props.readOnly && <Notice tone="warn">{t('readOnlyRole')}</Notice>}
      {contact && 'redacted' in contact && <Notice tone="info">{t('contactDetailsHidden')}</Notice>}
      {draftRestored && <Notice tone="info">{t('draftRestored')}</Notice>}
      {problems.name && <Notice tone="error">{t('contactNameRequired')}</Notice>}
      {problems.invalidEmails && (
        <Notice tone="error">{t('contactInvalidEmails', problems.invalidEmails.join(', '))}</Notice>
      )}
      {problems.invalidPhones && (
        <Notice tone="error">{t('contactInvalidPhones', problems.invalidPhones.join(', '))}</Notice>
      )}
      {problems.invalidLanguages && (
        <Notice tone="error">{t('contactInvalidLanguages', problems.invalidLanguages.join(', '))}</Notice>
      )}
      {problems.website && <Notice tone="error">{t('contactInvalidWebsite')}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      {duplicate && (
        <Notice tone="warn">
          <p style={{ margin: '0 0 6px' }}>
            {t(
              'contactDuplicate',
              duplicate.stakeholder.name,
              duplicate.reasons.includes('same-email')
                ? duplicate.sharedEmails.join(', ')
                : duplicate.stakeholder.organisation,
            )}
          </p>
          <div class="actions" style={{ marginTop: 0 }}>
            <button type="button" class="primary" onClick={() => void merge(duplicate)}>
              {t('contactMerge')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDuplicate(null);
                void save(true);
              }}
            >
              {t('contactKeepBoth')}
            </button>
          </div>
        </Notice>
      )}
      <ContactForm
        values={values}
        problems={problems}
        onChange={change}
        onSubmit={() => void save()}
        busy={busy || props.readOnly}
      />
      {contact && (
        <>
          <h2>{t('contactPractices')}</h2>
          {involved.length === 0 && <p class="count-line">{t('contactNoPractices')}</p>}
          <ul class="list" data-testid="contact-practices">
            {involved.map((p) => (
              <li key={p.id} style={{ padding: '6px 0' }}>
                {p.title}
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" class="link" onClick={() => exportPersonData(contact, library.practices)}>
              {t('contactExportData')}
            </button>
          </div>
          {confirmErase && !props.readOnly && (
            <>
              <p>{t(props.erases ? 'contactEraseConfirm' : 'contactDeleteConfirm')}</p>
              {mentions.length > 0 && (
                <Notice tone="warn">
                  <p>{t('contactEraseMentions')}</p>
                  <ul data-testid="contact-mentions">
                    {mentions.map((p) => (
                      <li key={p.id}>{p.title}</li>
                    ))}
                  </ul>
                </Notice>
              )}
            </>
          )}
          <div class="actions" hidden={props.readOnly}>
            {confirmErase ? (
              <>
                <button
                  type="button"
                  class="danger"
                  onClick={() =>
                    void eraseStakeholder(contact.id).then(() =>
                      props.onErased(t(props.erases ? 'contactErased' : 'contactDeleted')),
                    )
                  }
                >
                  {t('confirm')}
                </button>
                <button type="button" onClick={() => setConfirmErase(false)}>
                  {t('cancel')}
                </button>
              </>
            ) : (
              <button type="button" class="danger" onClick={() => setConfirmErase(true)}>
                {t(props.erases ? 'contactErase' : 'contactDelete')}
              </button>
            )}
          </div>
        </>
      )}
    </article>
  );
}
