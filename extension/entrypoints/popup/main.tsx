import '../../lib/zod-config.ts';
import { render } from 'preact';
import '../../ui/styles.css';
import { t, uiLanguage } from '../../lib/i18n.ts';
import { PopupApp } from '../../ui/popup/PopupApp.tsx';

document.documentElement.lang = uiLanguage();
document.title = t('extName');
render(<PopupApp />, document.getElementById('app')!);
