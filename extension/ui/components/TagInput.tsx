// Tags with autocomplete from the tags already used in the library. Enter or comma adds; a tag typed but not
// yet added is added on blur, so it is not lost when the member clicks Save straight away.
import { useState } from 'preact/hooks';
import { uniqueTags } from '../../../shared/schemas/common.ts';
import { t } from '../../lib/i18n.ts';

interface Props {
  tags: readonly string[];
  suggestions: readonly string[];
  onChange: (tags: string[]) => void;
}

export function TagInput({ tags, suggestions, onChange }: Props) {
  const [text, setText] = useState('');
  const commit = (raw: string) => {
    const added = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (added.length) onChange(uniqueTags([...tags, ...added]));
    setText('');
  };
  const known = new Set(tags.map((tag) => tag.toLocaleLowerCase()));
  return (
    <div class="field">
      <label class="field-label" for="tag-input">
        {t('fieldTags')}
      </label>
      {tags.length > 0 && (
        <ul class="chips">
          {tags.map((tag) => (
            <li class="chip" key={tag}>
              {tag}
              <button
                type="button"
                aria-label={t('removeTag', tag)}
                onClick={() => onChange(tags.filter((x) => x !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id="tag-input"
        type="text"
        list="tag-suggestions"
        value={text}
        placeholder={t('fieldTagsPlaceholder')}
        onInput={(e) => {
          const value = e.currentTarget.value;
          if (value.includes(',')) commit(value);
          else setText(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && text.trim()) {
            e.preventDefault();
            commit(text);
          } else if (e.key === 'Backspace' && !text && tags.length) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => text.trim() && commit(text)}
      />
      <datalist id="tag-suggestions">
        {suggestions
          .filter((s) => !known.has(s.toLocaleLowerCase()))
          .slice(0, 50)
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
