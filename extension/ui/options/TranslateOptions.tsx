// Translation settings: which machine engine is tried first — Chrome's built-in translator (on this device)
// or the city server's engine — and the target language offered first. The translation memory always comes
// first. Saved at once, in storage.local.
import { useEffect, useState } from 'preact/hooks';
import { languageName, targetLanguages } from '../../../shared/translate/languages.ts';
import {
  defaultTranslatePrefs,
  loadTranslatePrefs,
  saveTranslatePrefs,
  type TranslatePrefs,
} from '../../features/translate-prefs.ts';
import { t, uiLanguage } from '../../lib/i18n.ts';
import { Notice } from '../components/Notice.tsx';

export function TranslateOptions() {
  const [prefs, setPrefs] = useState<TranslatePrefs | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadTranslatePrefs().then(setPrefs);
  }, []);
  if (!prefs) return null;
  const update = (next: TranslatePrefs) => {
    setPrefs(next);
    void saveTranslatePrefs(next).then(() => setSaved(true));
  };
  const ui = uiLanguage();
  const browserFirst = prefs.engineOrder[0] === 'browser';
  return (
    <section aria-labelledby="translate-options">
      <h2 id="translate-options">{t('optionsTranslateTitle')}</h2>
      <p>{t('optionsTranslateExplain')}</p>
      <fieldset class="plain">
        <legend class="field-label">{t('optionsTranslateOrder')}</legend>
        <label>
          <input
            type="radio"
            name="engineOrder"
            value="browser"
            checked={browserFirst}
            onChange={() => update({ ...prefs, engineOrder: ['browser', 'server'] })}
          />{' '}
          {t('optionsTranslateBrowserFirst')}
        </label>
        <label>
          <input
            type="radio"
            name="engineOrder"
            value="server"
            checked={!browserFirst}
            onChange={() => update({ ...prefs, engineOrder: ['server', 'browser'] })}
          />{' '}
          {t('optionsTranslateServerFirst')}
        </label>
      </fieldset>
      <label class="field">
        <span>{t('optionsTranslateTarget')}</span>
        <select
          name="defaultTarget"
          value={prefs.defaultTarget ?? ''}
          onChange={(e) => update({ ...prefs, defaultTarget: e.currentTarget.value || null })}
        >
          <option value="">{t('optionsTranslateTargetCity')}</option>
          {targetLanguages({}).map((code) => (
            <option key={code} value={code}>
              {languageName(code, ui)}
            </option>
          ))}
        </select>
      </label>
      {saved && <Notice tone="ok">{t('optionsTranslateSaved')}</Notice>}
      <button type="button" class="link" onClick={() => update(defaultTranslatePrefs)}>
        {t('optionsTranslateReset')}
      </button>
    </section>
  );
}
