// The fields of a contact. Personal data: the form asks where it comes from and on what basis it is held,
// and proposes a review date a year ahead. Ctrl/⌘+Enter saves.
import type { ComponentChildren } from 'preact';
import { lawfulBases, stakeholderTypes } from '../../../shared/schemas/stakeholder.ts';
import type { ContactFormValues, ContactProblems } from '../../features/contact-form-values.ts';
import { type MessageKey, t } from '../../lib/i18n.ts';
import { AreaPicker } from './AreaPicker.tsx';
import { SaveForm } from './SaveForm.tsx';

interface Props {
  values: ContactFormValues;
  problems: ContactProblems;
  onChange: (values: ContactFormValues) => void;
  onSubmit: () => void;
  busy: boolean;
  children?: ComponentChildren;
}

type TextKey = Exclude<keyof ContactFormValues, 'topics' | 'type' | 'lawfulBasis'>;

export function ContactForm({ values, problems, onChange, onSubmit, busy, children }: Props) {
  const set = <K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const text = (key: TextKey, label: MessageKey, multiline = false, invalid = false) => {
    const id = `contact-${key}`;
    const input = (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value);
    return (
      <div class="field">
        <label class="field-label" for={id}>
          {t(label)}
        </label>
        {multiline ? (
          <textarea id={id} name={key} rows={2} value={values[key]} aria-invalid={invalid} onInput={input} />
        ) : (
          <input id={id} type="text" name={key} value={values[key]} aria-invalid={invalid} onInput={input} />
        )}
      </div>
    );
  };
  return (
    <SaveForm onSave={onSubmit}>
      {text('name', 'contactName', false, !!problems.name)}
      {text('role', 'contactRole')}
      {text('organisation', 'contactOrganisation')}
      {text('department', 'contactDepartment')}
      <label class="field">
        <span>{t('contactType')}</span>
        <select
          name="type"
          value={values.type}
          onChange={(e) => set('type', e.currentTarget.value as ContactFormValues['type'])}
        >
          {stakeholderTypes.map((type) => (
            <option key={type} value={type}>
              {t(`stype_${type}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {text('emails', 'contactEmails', true, !!problems.invalidEmails)}
      {text('phones', 'contactPhones', true, !!problems.invalidPhones)}
      {text('website', 'contactWebsite', false, !!problems.website)}
      {text('languages', 'contactLanguages', false, !!problems.invalidLanguages)}
      <AreaPicker
        selected={values.topics}
        onChange={(topics) => set('topics', topics)}
        legend={t('contactTopics')}
      />
      {text('notes', 'contactNotes', true)}
      {text('sourceUrl', 'contactSource')}
      <label class="field">
        <span>{t('contactLawfulBasis')}</span>
        <select
          name="lawfulBasis"
          value={values.lawfulBasis}
          onChange={(e) => set('lawfulBasis', e.currentTarget.value as ContactFormValues['lawfulBasis'])}
        >
          {lawfulBases.map((basis) => (
            <option key={basis} value={basis}>
              {t(`basis_${basis}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {text('lawfulBasisNote', 'contactLawfulBasisNote')}
      <label class="field">
        <span>{t('contactReviewBy')}</span>
        <input
          type="date"
          name="reviewBy"
          value={values.reviewBy}
          onInput={(e) => set('reviewBy', e.currentTarget.value)}
        />
      </label>
      {children}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('saving') : t('contactSave')}
        </button>
        <span class="hint">{t('saveShortcutHint')}</span>
      </div>
    </SaveForm>
  );
}
