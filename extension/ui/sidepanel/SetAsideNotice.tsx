// Changes the city library will not take (store/set-aside.ts), listed under the sync status until the member
// dismisses them: each says what it was and why, so nothing is lost without a word.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n.ts';
import { dismissSetAside, listSetAside, type SetAsideChange } from '../../store/set-aside.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';
import { Notice } from '../components/Notice.tsx';
import { setAsideText } from './set-aside-text.ts';

/** Read again whenever the sync status changes (a push sets changes aside during a run). */
export function SetAsideNotice({ status }: { status: SyncStatus }) {
  const [changes, setChanges] = useState<SetAsideChange[]>([]);
  useEffect(() => {
    void listSetAside().then(setChanges);
  }, [status]);
  if (changes.length === 0) return null;
  return (
    <div data-testid="set-aside">
      <Notice tone="warn">
        {t('setAsideTitle', changes.length)}
        <ul>
          {changes.map((c) => (
            <li key={c.mutation.id}>{setAsideText(c)}</li>
          ))}
        </ul>
        <button type="button" class="link" onClick={() => void dismissSetAside().then(() => setChanges([]))}>
          {t('setAsideDismiss')}
        </button>
      </Notice>
    </div>
  );
}
