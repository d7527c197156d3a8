// Builders for push bodies: valid practices, highlights, stakeholders and snippets, and edits of them.
import { uuidv7 } from '../../../shared/ids.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';

let counter = 0;
const baseMs = Date.parse('2025-03-01T09:00:00.000Z');

/** A fresh, strictly increasing stamp (tests may pass their own to control races). */
export const nextHlc = () => formatHlc({ ms: baseMs + ++counter, counter: 0 });
export const id = () => uuidv7(baseMs + counter++);

export function practiceFields(overrides: Record<string, unknown> = {}) {
  return {
    url: 'https://www.lyon.fr/welcome-desk',
    canonicalUrl: null,
    title: 'Multilingual welcome desk',
    excerpt: 'A desk that welcomes newcomers in 12 languages.',
    siteName: 'Lyon',
    byline: null,
    publishedTime: null,
    lang: 'en',
    dir: 'ltr',
    image: null,
    contentMarkdown: '# Welcome desk',
    extraction: 'full',
    note: '',
    visibility: 'city',
    clippedAt: '2025-03-01T08:00:00.000Z',
    ...overrides,
  };
}

type Extra = { baseVersion?: number; hlc?: string; id?: string };

export function createPractice(
  objectId = id(),
  fields: Record<string, unknown> = {},
  add: Record<string, string[]> = {},
  extra: Extra = {},
) {
  return {
    id: extra.id ?? id(),
    kind: 'practice',
    objectId,
    baseVersion: extra.baseVersion ?? 0,
    hlc: extra.hlc ?? nextHlc(),
    op: 'put',
    fields: practiceFields(fields),
    add,
  };
}

export function editPractice(
  objectId: string,
  baseVersion: number,
  change: { fields?: object; add?: object; remove?: object },
  extra: Omit<Extra, 'baseVersion'> = {},
) {
  return {
    id: extra.id ?? id(),
    kind: 'practice',
    objectId,
    baseVersion,
    hlc: extra.hlc ?? nextHlc(),
    op: 'put',
    ...change,
  };
}

export function deleteObject(
  kind: string,
  objectId: string,
  baseVersion: number,
  extra: Omit<Extra, 'baseVersion'> = {},
) {
  return { id: extra.id ?? id(), kind, objectId, baseVersion, hlc: extra.hlc ?? nextHlc(), op: 'delete' };
}

export function createHighlight(practiceId: string, objectId = id()) {
  return {
    id: id(),
    kind: 'highlight',
    objectId,
    baseVersion: 0,
    hlc: nextHlc(),
    op: 'put',
    fields: {
      practiceId,
      pageUrl: 'https://www.lyon.fr/welcome-desk',
      quote: { type: 'TextQuoteSelector', exact: 'twelve languages', prefix: 'in ', suffix: '.' },
      position: null,
      note: '',
    },
  };
}

export function stakeholderFields(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Amina Diallo',
    organisation: 'Maison des associations',
    role: 'Director',
    department: '',
    type: 'civil_society',
    website: null,
    notes: '',
    sourceUrl: null,
    lawfulBasis: 'public_task',
    lawfulBasisNote: '',
    reviewBy: null,
    ...overrides,
  };
}

export function createStakeholder(
  objectId = id(),
  fields: Record<string, unknown> = {},
  add: Record<string, string[]> = {
    emails: ['amina@example.org'],
    languages: ['fr', 'wo'],
    topics: ['education'],
  },
) {
  return {
    id: id(),
    kind: 'stakeholder',
    objectId,
    baseVersion: 0,
    hlc: nextHlc(),
    op: 'put',
    fields: stakeholderFields(fields),
    add,
  };
}

/** An edit of any kind of object: changed fields, set adds and removes. */
export function editObject(
  kind: string,
  objectId: string,
  baseVersion: number,
  change: { fields?: object; add?: object; remove?: object },
  extra: Omit<Extra, 'baseVersion'> = {},
) {
  return { ...editPractice(objectId, baseVersion, change, extra), kind };
}

export function createSnippet(objectId = id()) {
  return {
    id: id(),
    kind: 'snippet',
    objectId,
    baseVersion: 0,
    hlc: nextHlc(),
    op: 'put',
    fields: {
      sourceText: 'Bienvenue à Lyon',
      sourceLang: 'fr',
      translations: [
        {
          lang: 'en',
          text: 'Welcome to Lyon',
          engine: 'person',
          status: 'reviewed',
          reviewedBy: null,
          reviewedAt: null,
        },
      ],
      sourceUrl: null,
      practiceId: null,
    },
  };
}
