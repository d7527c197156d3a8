import { useEffect, useState } from 'preact/hooks';
import { type Directory, readDirectory } from '../../sync/member-directory.ts';
import { initialStatus, onStatusChange, readStatus, type SyncStatus } from '../../sync/sync-status.ts';

/** The sync status and the member names, kept current while the side panel is open. */
export function useSyncStatus(): { status: SyncStatus; directory: Directory } {
  const [status, setStatus] = useState<SyncStatus>(initialStatus);
  const [directory, setDirectory] = useState<Directory>({ fetchedAt: 0, names: {} });
  useEffect(() => {
    const refresh = () => {
      void readStatus().then(setStatus);
      void readDirectory().then(setDirectory);
    };
    refresh();
    return onStatusChange((next) => {
      setStatus(next);
      void readDirectory().then(setDirectory);
    });
  }, []);
  return { status, directory };
}
