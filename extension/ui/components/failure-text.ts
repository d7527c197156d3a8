import { t } from '../../lib/i18n.ts';
import type { SyncFailure } from '../../sync/api-client.ts';

/** A sync failure in words a coordinator can act on. */
export function failureText(failure: SyncFailure): string {
  switch (failure.reason) {
    case 'unreachable':
      return t('failure_unreachable');
    case 'unauthorized':
      return t('failure_unauthorized');
    case 'forbidden':
      return t('failure_forbidden');
    case 'rate-limited':
      return t('failure_rate_limited');
    case 'rejected':
      return t('failure_rejected', failure.detail);
    case 'server':
      return t('failure_server', failure.detail);
  }
}
