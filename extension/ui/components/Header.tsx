import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n.ts';

export function Header() {
  return (
    <header class="header">
      <img src={browser.runtime.getURL('/icon/32.png')} alt="" />
      <h1>{t('extName')}</h1>
    </header>
  );
}
