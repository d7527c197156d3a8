// Conflicts to review: for each field where two members' edits collided, the value kept and the value not
// kept, with who and when; the member restores the other value or keeps the current one.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Conflict } from '../../../shared/api/conflicts.ts';
import { formatDate, type MessageKey, t } from '../../lib/i18n.ts';
import { sendRequest } from '../../lib/messages.ts';
import type { Directory } from '../../sync/member-directory.ts';
import { failureText } from '../components/failure-text.ts';
import { Notice } from '../components/Notice.tsx';
import type { useLibrary } from './useLibrary.ts';

const send = (m: unknown) => browser.runtime.sendMessage(m);
const fieldLabels: Record<string, MessageKey> = {
  title: 'fieldTitle',
  excerpt: 'fieldSummary',
  note: 'fieldNote',
  areas: 'fieldAreas',
  tags: 'fieldTags',
};

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('emptyValue');
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

interface Props {
  library: ReturnType<typeof useLibrary>;
  directory: Directory;
  onBack: () => void;
}

export function ConflictsView({ library, directory, onBack }: Props) {
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    const reply = await sendRequest(send, { type: 'list-conflicts' });
    if (reply.ok) setConflicts(reply.conflicts);
    else setError(failureText(reply.failure));
  };
  useEffect(() => {
    void load();
  }, []);
  const act = async (id: string, action: 'restore' | 'dismiss') => {
    const reply = await sendRequest(send, { type: 'resolve-conflict', id, action });
    if (!reply.ok) setError(failureText(reply.failure));
    await load();
  };
  const name = (id: string) => directory.names[id] ?? t('unknownMember');

  return (
    <section aria-labelledby="conflicts-title">
      <button type="button" class="link" onClick={onBack}>
        ← {t('backToLibrary')}
      </button>
      <h2 id="conflicts-title">{t('conflictsTitle')}</h2>
      <p class="count-line">{t('conflictsExplain')}</p>
      {error && <Notice tone="error">{error}</Notice>}
      {conflicts?.length === 0 && <Notice tone="ok">{t('noConflicts')}</Notice>}
      <ul class="list" data-testid="conflict-list">
        {conflicts?.map((c) => (
          <li key={c.id} class="conflict">
            <strong>{library.practices.find((p) => p.id === c.objectId)?.title ?? c.objectId}</strong>
            {' · '}
            {fieldLabels[c.field] ? t(fieldLabels[c.field]!) : c.field}
            <div class="field-label">
              {t('conflictKept')} — {t('conflictByOn', name(c.wonBy), formatDate(c.wonAt))}
            </div>
            <div class="value">{shown(c.wonValue)}</div>
            <div class="field-label">
              {t('conflictNotKept')} — {t('conflictByOn', name(c.lostBy), formatDate(c.lostAt))}
            </div>
            <div class="value">{shown(c.lostValue)}</div>
            <div class="actions">
              <button type="button" class="primary" onClick={() => void act(c.id, 'restore')}>
                {t('conflictRestore')}
              </button>
              <button type="button" onClick={() => void act(c.id, 'dismiss')}>
                {t('conflictDismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
