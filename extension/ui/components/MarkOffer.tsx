import { useState } from 'preact/hooks';
import { dismissMarkOffer, requestMarkPermission } from '../../features/mark-prompt.ts';
import { t } from '../../lib/i18n.ts';
import { Notice } from './Notice.tsx';

/** The one-time offer to mark already-clipped pages on the toolbar icon. */
export function MarkOffer({ onDone }: { onDone: () => void }) {
  const [denied, setDenied] = useState(false);
  if (denied) return <Notice tone="warn">{t('optionsMarkDenied')}</Notice>;
  return (
    <Notice tone="info">
      <p style={{ margin: '0 0 6px' }}>{t('markPrompt')}</p>
      <p style={{ margin: '0 0 6px', fontSize: '12px' }}>{t('optionsMarkExplain')}</p>
      <div class="actions" style={{ marginTop: 0 }}>
        <button
          type="button"
          class="primary"
          onClick={() =>
            void requestMarkPermission().then((granted) => (granted ? onDone() : setDenied(true)))
          }
        >
          {t('optionsMarkAllow')}
        </button>
        <button type="button" onClick={() => void dismissMarkOffer().then(onDone)}>
          {t('markPromptDismiss')}
        </button>
      </div>
    </Notice>
  );
}
