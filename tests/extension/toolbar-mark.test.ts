// The toolbar badge (extension/features/toolbar-mark.ts, extension/sync/sync-status.ts): a clipped page's tab
// shows ✓; any other tab holds no text of its own (null), so it shows the window-wide sync badge; and while
// sync needs attention ("!"), a clipped tab's ✓ steps aside and comes back once sync is fine.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshMark } from '../../extension/features/toolbar-mark.ts';
import { useLibraryDatabase } from '../../extension/store/db.ts';
import { createPractice } from '../../extension/store/practices.ts';
import { initialStatus, writeStatus } from '../../extension/sync/sync-status.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { newPractice } from '../support/new-practice.ts';

const clipped = 'https://www.barcelona.cat/interculturalitat';
const page = newPractice({ url: clipped, title: 'Estratègia antirumors', lang: 'ca' });

/** The badge as Chrome keeps it: the window-wide text, and each tab's own text when it has one. */
let global = '';
let perTab = new Map<number, string>();
const shown = (tabId: number) => perTab.get(tabId) ?? global;
let tabs: { id: number; url: string }[] = [];

beforeEach(async () => {
  await useLibraryDatabase(`test-${uuidv7()}`);
  global = '';
  perTab = new Map();
  tabs = [];
  const action = fakeBrowser.action as unknown as Record<string, unknown>;
  action.setBadgeText = async ({ tabId, text }: { tabId?: number; text: string | null }) => {
    if (tabId === undefined) global = text ?? '';
    else if (text === null) perTab.delete(tabId);
    else perTab.set(tabId, text);
  };
  action.setBadgeBackgroundColor = async () => {};
  action.setTitle = async () => {};
  (fakeBrowser.tabs as unknown as Record<string, unknown>).query = async () => tabs;
});

describe('toolbar badge', () => {
  it('marks a clipped page, and leaves other tabs showing the sync badge', async () => {
    await createPractice(page);
    await writeStatus({ ...initialStatus, phase: 'idle', pending: 3 });
    await refreshMark(1, clipped);
    await refreshMark(2, 'https://example.org/elsewhere');
    expect(shown(1)).toBe('✓');
    expect(shown(2)).toBe('3');
    expect(perTab.has(2)).toBe(false);
  });

  it('never hides a sync problem behind ✓, and puts ✓ back once sync is fine', async () => {
    await createPractice(page);
    tabs = [{ id: 1, url: clipped }];
    await writeStatus({ ...initialStatus, phase: 'idle' });
    await refreshMark(1, clipped);
    expect(shown(1)).toBe('✓');

    await writeStatus({ ...initialStatus, phase: 'offline', pending: 1 });
    expect(shown(1)).toBe('!');
    await refreshMark(1, clipped); // the tab reloads meanwhile
    expect(shown(1)).toBe('!');

    await writeStatus({ ...initialStatus, phase: 'idle' });
    expect(shown(1)).toBe('✓');
  });
});
