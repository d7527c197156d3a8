// Link stakeholders to a practice: type a name, pick it from the city's contacts; each linked one is a chip.
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n.ts';

export interface PickableContact {
  id: string;
  name: string;
  organisation: string;
}

interface Props {
  selected: readonly string[];
  contacts: readonly PickableContact[];
  onChange: (ids: string[]) => void;
}

const labelOf = (c: PickableContact) => (c.organisation ? `${c.name} (${c.organisation})` : c.name);

export function StakeholderPicker({ selected, contacts, onChange }: Props) {
  const [text, setText] = useState('');
  if (contacts.length === 0 && selected.length === 0) return null;
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const pick = (value: string) => {
    const match = contacts.find((c) => labelOf(c) === value || c.name === value);
    if (match && !selected.includes(match.id)) onChange([...selected, match.id]);
    if (match) setText('');
    else setText(value);
  };
  return (
    <div class="field">
      <label class="field-label" for="stakeholder-input">
        {t('fieldStakeholders')}
      </label>
      {selected.length > 0 && (
        <ul class="chips" data-testid="linked-stakeholders">
          {selected.map((id) => {
            const name = byId.get(id)?.name ?? t('unknownMember');
            return (
              <li class="chip" key={id}>
                {name}
                <button
                  type="button"
                  aria-label={t('removeStakeholder', name)}
                  onClick={() => onChange(selected.filter((x) => x !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        id="stakeholder-input"
        type="text"
        list="stakeholder-suggestions"
        value={text}
        placeholder={t('fieldStakeholdersPlaceholder')}
        onInput={(e) => pick(e.currentTarget.value)}
      />
      <datalist id="stakeholder-suggestions">
        {contacts
          .filter((c) => !selected.includes(c.id))
          .map((c) => (
            <option key={c.id} value={labelOf(c)} />
          ))}
      </datalist>
    </div>
  );
}
