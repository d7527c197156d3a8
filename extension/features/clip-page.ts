// Clip the page: read the tab (on demand), find out whether the library already holds it (by page address,
// then canonical address), and save a new practice with what the member added — or update the existing one.
import { pageUrl } from '../../shared/schemas/common.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import { normalizeUrl } from '../../shared/url.ts';
import type { PageExtraction } from '../lib/extract/page.ts';
import type { PracticeFormValues } from '../lib/practice-form-values.ts';
import type { TargetTab } from '../lib/tab-target.ts';
import { addHighlight } from '../store/highlights.ts';
import { createPractice, findPracticeByUrl, updatePractice } from '../store/practices.ts';
import { extractTab, fallbackExtraction } from './extract-tab.ts';

/** `not-a-page`: the tab shows one of the browser's own pages (chrome://, about:…), which the library does
 *  not hold (shared/schemas/common.ts pageUrl: http, https or file): there is nothing to save. */
export type ClipProblem = 'restricted' | 'no-article' | 'failed' | 'not-a-page' | null;

export interface PreparedClip {
  page: PageExtraction;
  existing: Practice | null;
  problem: ClipProblem;
  draftKey: string;
}

/** Fast path: the tab's own address is already in the library (no page access needed). */
export async function findClipped(tab: TargetTab): Promise<Practice | undefined> {
  return findPracticeByUrl(tab.url);
}

export async function prepareClip(tab: TargetTab): Promise<PreparedClip> {
  const url = tab.url ?? '';
  if (!pageUrl.safeParse(url).success) {
    const page = fallbackExtraction(url, tab.title);
    return { page, existing: null, problem: 'not-a-page', draftKey: draftKeyFor(url) };
  }
  const outcome = await extractTab(tab.id, tab.url);
  const page = outcome.ok ? outcome.page : fallbackExtraction(url, tab.title);
  const problem: ClipProblem = outcome.ok
    ? page.extraction === 'full'
      ? null
      : 'no-article'
    : outcome.reason === 'restricted'
      ? 'restricted'
      : 'failed';
  const existing = (await findPracticeByUrl(tab.url, page.metadata.url, page.metadata.canonicalUrl)) ?? null;
  return { page, existing, problem, draftKey: draftKeyFor(tab.url ?? page.metadata.url) };
}

export function draftKeyFor(url: string): string {
  return `clip:${normalizeUrl(url) ?? url}`;
}

export function formValuesFrom(
  source: Pick<Practice, 'title' | 'excerpt' | 'areas' | 'tags' | 'note' | 'stakeholderIds'> &
    Partial<Pick<Practice, 'visibility'>>,
): PracticeFormValues {
  return {
    title: source.title,
    excerpt: source.excerpt,
    areas: [...source.areas],
    tags: [...source.tags],
    note: source.note,
    stakeholderIds: [...source.stakeholderIds],
    visibility: source.visibility ?? 'city',
  };
}

export async function saveNewClip(
  page: PageExtraction,
  values: PracticeFormValues,
  keepSelection: boolean,
): Promise<Practice> {
  const practice = await createPractice({
    ...page.metadata,
    title: values.title,
    excerpt: values.excerpt,
    contentMarkdown: page.contentMarkdown,
    extraction: page.extraction,
    areas: values.areas,
    tags: values.tags,
    note: values.note,
    stakeholderIds: values.stakeholderIds,
    visibility: values.visibility,
  });
  if (keepSelection && page.selection) {
    await addHighlight(practice.id, {
      pageUrl: page.metadata.url,
      quote: page.selection.quote,
      position: page.selection.position,
    });
  }
  return practice;
}

export async function saveExistingClip(
  practice: Practice,
  values: PracticeFormValues,
  selection: PageExtraction['selection'],
  keepSelection: boolean,
): Promise<Practice> {
  const updated = await updatePractice(practice.id, values);
  if (keepSelection && selection) {
    await addHighlight(practice.id, {
      pageUrl: practice.url,
      quote: selection.quote,
      position: selection.position,
    });
  }
  return updated;
}
