import '../../lib/zod-config.ts';
import { render } from 'preact';
import '../../ui/styles.css';
import { t, uiLanguage } from '../../lib/i18n.ts';
import { OptionsApp } from '../../ui/options/OptionsApp.tsx';

document.documentElement.lang = uiLanguage();
document.title = t('extName');
render(<OptionsApp />, document.getElementById('app')!);
