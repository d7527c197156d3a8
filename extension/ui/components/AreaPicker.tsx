// ICC Index areas, grouped as in the Index (core, the city through an intercultural lens, additional),
// labelled in the UI language with the other working language beside each.
import { indexAreasByGroup } from '../../../shared/taxonomy/index.ts';
import { type MessageKey, t, uiLanguage } from '../../lib/i18n.ts';

interface Props {
  selected: readonly string[];
  onChange: (areas: string[]) => void;
  legend?: string;
}

export function AreaPicker({ selected, onChange, legend = t('fieldAreas') }: Props) {
  const lang = uiLanguage();
  const other = lang === 'fr' ? 'en' : 'fr';
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((a) => a !== id));
  return (
    <fieldset class="areas" style={{ border: 0, padding: 0, margin: '8px 0' }}>
      <legend class="field-label">{legend}</legend>
      {indexAreasByGroup().map(({ group, areas }) => {
        const count = areas.filter((a) => selected.includes(a.id)).length;
        return (
          <details class="area-group" key={group} open={group === 'core' || count > 0}>
            <summary>
              <span>{t(`areaGroup_${group}` as MessageKey)}</span>
              {count > 0 && <span class="count">{t('areasSelected', count)}</span>}
            </summary>
            <ul>
              {areas.map((area) => (
                <li key={area.id}>
                  <label>
                    <input
                      type="checkbox"
                      name="area"
                      value={area.id}
                      checked={selected.includes(area.id)}
                      onChange={(e) => toggle(area.id, e.currentTarget.checked)}
                    />
                    <span>
                      <span lang={lang}>{area[lang]}</span>
                      <span class="other-lang" lang={other}>
                        {area[other]}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </fieldset>
  );
}
