import '../../lib/zod-config.ts';
import { render } from 'preact';
import '../../ui/styles.css';
import { t, uiLanguage } from '../../lib/i18n.ts';
import { SidePanelApp } from '../../ui/sidepanel/SidePanelApp.tsx';

document.documentElement.lang = uiLanguage();
document.title = t('extName');
render(<SidePanelApp />, document.getElementById('app')!);
