// "Open on the web": opens the city's web dashboard (signed in) at a page, for the library or a practice.
// A practice only this browser knows (never synced) has no page there yet: the button says so instead.
import { useState } from 'preact/hooks';
import { openDashboard } from '../../features/open-dashboard.ts';
import { failureText } from './failure-text.ts';

interface Props {
  /** A path under /web. */
  next: string;
  label: string;
  /** Why the link cannot work yet (e.g. the practice is not synced), shown instead of the button. */
  unavailable?: string | null;
}

export function DashboardLink({ next, label, unavailable }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (unavailable) return <span class="count-line">{unavailable}</span>;
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await openDashboard(next);
      if (!result.ok) setError(failureText(result.failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="dashboard-link">
      <button
        type="button"
        class="link"
        disabled={busy}
        onClick={() => void open()}
        data-testid="open-dashboard"
      >
        {label}
      </button>
      {error && (
        <span role="alert" class="count-line">
          {error}
        </span>
      )}
    </span>
  );
}
