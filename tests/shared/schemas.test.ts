import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import { highlightSchema } from '../../shared/schemas/highlight.ts';
import { practiceSchema } from '../../shared/schemas/practice.ts';
import { stakeholderSchema } from '../../shared/schemas/stakeholder.ts';
import { indexAreaLabel, indexAreas, indexAreasByGroup, taxonomy } from '../../shared/taxonomy/index.ts';

const at = '2026-11-27T09:00:00.000Z';
const synced = {
  id: uuidv7(),
  cityId: null,
  createdAt: at,
  updatedAt: at,
  createdBy: null,
  updatedBy: null,
  deletedAt: null,
  version: 0,
};
const practice = {
  ...synced,
  url: 'https://www.barcelona.cat/interculturalitat/en/welcome',
  canonicalUrl: null,
  title: 'Welcome desk for newcomers',
  excerpt: '',
  siteName: 'Barcelona',
  byline: null,
  publishedTime: null,
  lang: 'en',
  dir: null,
  image: null,
  contentMarkdown: '# Welcome',
  extraction: 'full',
  areas: ['welcoming_newcomers', 'language'],
  tags: ['welcome'],
  note: '',
  stakeholderIds: [],
  visibility: 'city',
  clippedAt: at,
};

describe('ICC taxonomy', () => {
  it('ships the 18 Index areas with English and French labels in three groups', () => {
    expect(indexAreas).toHaveLength(18);
    expect(new Set(indexAreas.map((a) => a.id)).size).toBe(18);
    expect(indexAreasByGroup().flatMap((g) => g.areas)).toHaveLength(18);
    expect(indexAreaLabel('education', 'fr-FR')).toBe('Éducation');
    expect(indexAreaLabel('education', 'en-GB')).toBe('Education');
    expect(taxonomy.principles).toHaveLength(4);
    expect(taxonomy.cities.length).toBeGreaterThan(100);
  });
});

describe('practice schema', () => {
  it('accepts a complete practice', () => {
    expect(practiceSchema.parse(practice).areas).toEqual(['welcoming_newcomers', 'language']);
  });

  it('names the field that fails', () => {
    const result = practiceSchema.safeParse({ ...practice, areas: ['not_an_area'], title: ' ' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('areas.0');
    expect(paths).toContain('title');
  });

  it('takes web pages and local files, refuses every other scheme (script, data, ms-msdt:, search-ms:…)', () => {
    expect(practiceSchema.safeParse({ ...practice, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(practiceSchema.safeParse({ ...practice, url: 'data:text/html,hi' }).success).toBe(false);
    for (const url of ['chrome://settings/', 'ms-msdt:/id PCWDiagnostic', 'search-ms:query=x', 'about:blank'])
      expect(practiceSchema.safeParse({ ...practice, url }).success, url).toBe(false);
    for (const url of ['http://a.example/', 'https://a.example/x', 'file:///C:/Users/ana/page.html'])
      expect(practiceSchema.safeParse({ ...practice, url }).success, url).toBe(true);
    expect(practiceSchema.safeParse({ ...practice, image: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('refuses ids that are not UUIDs', () => {
    expect(practiceSchema.safeParse({ ...practice, id: '42' }).success).toBe(false);
  });
});

describe('highlight schema', () => {
  const highlight = {
    ...synced,
    practiceId: uuidv7(),
    pageUrl: 'https://city.example/p',
    quote: { type: 'TextQuoteSelector', exact: 'multilingual desk', prefix: 'a ', suffix: ' opened' },
    position: { type: 'TextPositionSelector', start: 10, end: 27 },
    note: '',
  };

  it('keeps W3C quote and position selectors', () => {
    expect(highlightSchema.parse(highlight).quote.exact).toBe('multilingual desk');
  });

  it('refuses an empty quote and a position that ends before it starts', () => {
    expect(
      highlightSchema.safeParse({ ...highlight, quote: { ...highlight.quote, exact: '' } }).success,
    ).toBe(false);
    expect(
      highlightSchema.safeParse({
        ...highlight,
        position: { type: 'TextPositionSelector', start: 9, end: 3 },
      }).success,
    ).toBe(false);
  });
});

describe('stakeholder schema', () => {
  it('refuses an invalid e-mail instead of dropping it', () => {
    const contact = {
      ...synced,
      name: 'Ana Souza',
      organisation: '',
      role: '',
      department: '',
      type: 'civil_society',
      emails: ['ana@'],
      phones: [],
      website: null,
      languages: ['pt'],
      topics: [],
      notes: '',
      sourceUrl: null,
      lawfulBasis: 'public_task',
      lawfulBasisNote: '',
      reviewBy: null,
    };
    const result = stakeholderSchema.safeParse(contact);
    expect(result.error?.issues[0]?.path).toEqual(['emails', 0]);
    expect(stakeholderSchema.safeParse({ ...contact, emails: ['ana@assoc.pt'] }).success).toBe(true);
  });
});
