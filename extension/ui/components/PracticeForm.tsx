// The fields a member adds to a practice: title, summary, Index areas, tags, note. Used by the popup (new
// clip, or the practice already clipped) and by the side panel's practice page. Ctrl/⌘+Enter saves.
import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n.ts';
import type { PracticeFormValues } from '../../lib/practice-form-values.ts';
import { AreaPicker } from './AreaPicker.tsx';
import { SaveForm } from './SaveForm.tsx';
import { type PickableContact, StakeholderPicker } from './StakeholderPicker.tsx';
import { TagInput } from './TagInput.tsx';

interface Props {
  values: PracticeFormValues;
  tagSuggestions: readonly string[];
  contacts?: readonly PickableContact[];
  onChange: (values: PracticeFormValues) => void;
  onSubmit: () => void;
  submitLabel: string;
  busy: boolean;
  children?: ComponentChildren;
}

export function PracticeForm({
  values,
  tagSuggestions,
  contacts = [],
  onChange,
  onSubmit,
  submitLabel,
  busy,
  children,
}: Props) {
  const set = <K extends keyof PracticeFormValues>(key: K, value: PracticeFormValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <SaveForm onSave={onSubmit}>
      <label class="field">
        <span>{t('fieldTitle')}</span>
        <input
          type="text"
          name="title"
          value={values.title}
          onInput={(e) => set('title', e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('fieldSummary')}</span>
        <textarea
          name="excerpt"
          rows={3}
          value={values.excerpt}
          onInput={(e) => set('excerpt', e.currentTarget.value)}
        />
      </label>
      <AreaPicker selected={values.areas} onChange={(areas) => set('areas', areas)} />
      <TagInput tags={values.tags} suggestions={tagSuggestions} onChange={(tags) => set('tags', tags)} />
      <StakeholderPicker
        selected={values.stakeholderIds}
        contacts={contacts}
        onChange={(ids) => set('stakeholderIds', ids)}
      />
      <label class="field">
        <span>{t('fieldNote')}</span>
        <textarea
          name="note"
          rows={3}
          value={values.note}
          placeholder={t('fieldNotePlaceholder')}
          onInput={(e) => set('note', e.currentTarget.value)}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="shareWithNetwork"
          checked={values.visibility === 'network'}
          onChange={(e) => set('visibility', e.currentTarget.checked ? 'network' : 'city')}
        />
        <span>
          {t('fieldShareWithNetwork')}
          <span class="check-hint">{t('fieldShareWithNetworkHint')}</span>
        </span>
      </label>
      {children}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('saving') : submitLabel}
        </button>
        <span class="hint">{t('saveShortcutHint')}</span>
      </div>
    </SaveForm>
  );
}
