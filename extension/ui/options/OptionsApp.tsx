// Settings: the city library connection, the optional toolbar mark (and why it needs tab addresses),
// translation engines and target language, shortcuts, language.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hasTabsPermission, refreshAllMarks, tabsPermission } from '../../features/toolbar-mark.ts';
import { t } from '../../lib/i18n.ts';
import { ConnectForm } from '../components/ConnectForm.tsx';
import { Header } from '../components/Header.tsx';
import { Notice } from '../components/Notice.tsx';
import { TranslateOptions } from './TranslateOptions.tsx';

export function OptionsApp() {
  const [markOn, setMarkOn] = useState<boolean | null>(null);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    void hasTabsPermission().then(setMarkOn);
  }, []);
  return (
    <div style={{ maxWidth: '640px' }}>
      <Header title={t('optionsTitle')} />
      <main class="content">
        <ConnectForm />
        <h2>{t('optionsMarkTitle')}</h2>
        <p>{t('optionsMarkExplain')}</p>
        {markOn !== null && (
          <Notice tone={markOn ? 'ok' : 'info'}>{t(markOn ? 'optionsMarkOn' : 'optionsMarkOff')}</Notice>
        )}
        {denied && <Notice tone="warn">{t('optionsMarkDenied')}</Notice>}
        {markOn === false && (
          <button
            type="button"
            class="primary"
            onClick={() =>
              void browser.permissions.request(tabsPermission).then(async (granted) => {
                setDenied(!granted);
                setMarkOn(granted);
                if (granted) await refreshAllMarks();
              })
            }
          >
            {t('optionsMarkAllow')}
          </button>
        )}
        {markOn === true && (
          <button
            type="button"
            onClick={() =>
              void browser.permissions.remove(tabsPermission).then((removed) => setMarkOn(!removed))
            }
          >
            {t('optionsMarkTurnOff')}
          </button>
        )}
        <TranslateOptions />
        <h2>{t('optionsShortcutsTitle')}</h2>
        {/* Firefox has no limit of four suggested shortcuts: the library has one there too. */}
        <p>{t(import.meta.env.FIREFOX ? 'optionsShortcutsExplainFirefox' : 'optionsShortcutsExplain')}</p>
        <h2>{t('optionsLanguageTitle')}</h2>
        <p>{t('optionsLanguageExplain')}</p>
      </main>
    </div>
  );
}
