// The sync state in words, always visible at the top of the side panel: only on this computer, synced,
// changes waiting, offline, or what went wrong — with "Sync now", the changes set aside and the conflicts.
import { browser } from 'wxt/browser';
import { formatTime, t } from '../../lib/i18n.ts';
import { sendRequest } from '../../lib/messages.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';
import { DashboardLink } from '../components/DashboardLink.tsx';
import { failureText } from '../components/failure-text.ts';
import { Notice, type NoticeTone } from '../components/Notice.tsx';
import { SetAsideNotice } from './SetAsideNotice.tsx';

interface Props {
  status: SyncStatus;
  cityName: string | null;
  onShowConflicts: () => void;
}

function describe(status: SyncStatus, cityName: string | null): { tone: NoticeTone; text: string } {
  if (status.phase === 'local') return { tone: 'info', text: t('syncLocal') };
  if (status.phase === 'syncing') return { tone: 'info', text: t('syncSyncing') };
  if (status.failure)
    return { tone: status.phase === 'offline' ? 'warn' : 'error', text: failureText(status.failure) };
  if (status.pending > 0) return { tone: 'warn', text: t('syncPending', status.pending) };
  return {
    tone: 'ok',
    text: t('syncSynced', cityName ?? '', status.lastSyncedAt ? formatTime(status.lastSyncedAt) : ''),
  };
}

export function SyncBar({ status, cityName, onShowConflicts }: Props) {
  const { tone, text } = describe(status, cityName);
  return (
    <div data-testid="sync-status" data-phase={status.phase} data-synced-at={status.lastSyncedAt ?? ''}>
      <Notice tone={tone}>
        {text}
        <span class="inline-actions">
          {status.phase === 'local' || status.failure?.reason === 'unauthorized' ? (
            <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('openSettings')}
            </button>
          ) : (
            <button
              type="button"
              class="link"
              disabled={status.phase === 'syncing'}
              onClick={() => void sendRequest((m) => browser.runtime.sendMessage(m), { type: 'sync-now' })}
            >
              {t('syncNow')}
            </button>
          )}
          {status.phase !== 'local' && status.failure?.reason !== 'unauthorized' && (
            <DashboardLink next="/web" label={t('openLibraryOnWeb')} />
          )}
        </span>
      </Notice>
      <SetAsideNotice status={status} />
      {status.conflicts > 0 && (
        <button type="button" class="link" onClick={onShowConflicts} data-testid="conflicts-link">
          {t('conflictsCount', status.conflicts)}
        </button>
      )}
    </div>
  );
}
