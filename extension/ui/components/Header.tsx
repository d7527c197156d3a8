import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n.ts';

export function Header({ title = t('extName') }: { title?: string }) {
  return (
    <header class="header">
      <img src={browser.runtime.getURL('/icon/32.png')} alt="" />
      <h1>{title}</h1>
    </header>
  );
}
