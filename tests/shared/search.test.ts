import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, searchTokens } from '../../shared/search/fold.ts';
import { indexDocument, scoreDocument, searchDocuments } from '../../shared/search/match.ts';
import { buildWordIndex, scoreAll } from '../../shared/search/word-index.ts';

describe('foldText', () => {
  it('ignores case and accents in French, Italian, Spanish and German words', () => {
    expect(foldText('Éducation À LA Citoyenneté')).toBe('education a la citoyennete');
    expect(foldText('Città più accoglienti')).toBe('citta piu accoglienti');
    expect(foldText('Mediación intercultural, España')).toBe('mediacion intercultural, espana');
    expect(foldText('Straße Öffentlichkeit')).toBe('strasse offentlichkeit');
    expect(foldText('cœur')).toBe('coeur');
  });

  it('splits words on punctuation and apostrophes', () => {
    expect(searchTokens("L'accueil des nouveaux arrivants, 2024!")).toEqual([
      'l',
      'accueil',
      'des',
      'nouveaux',
      'arrivants',
      '2024',
    ]);
  });
});

describe('searchDocuments', () => {
  const docs = [
    indexDocument({
      id: 'desk',
      fields: [
        { text: 'Guichet multilingue d’accueil', weight: 8 },
        { text: 'welcome desk', weight: 1 },
      ],
    }),
    indexDocument({ id: 'school', fields: [{ text: 'Intercultural school mediation', weight: 8 }] }),
    indexDocument({
      id: 'note',
      fields: [
        { text: 'Budget', weight: 8 },
        { text: 'mentions accueil in a note', weight: 2 },
      ],
    }),
  ];

  it('finds words by prefix without accents, the best field first', () => {
    expect(searchDocuments(docs, 'accu')).toEqual(['desk', 'note']);
    expect(searchDocuments(docs, 'MÉDIATION')).toEqual(['school']);
  });

  it('needs every word of the query', () => {
    expect(searchDocuments(docs, 'welcome guichet')).toEqual(['desk']);
    expect(searchDocuments(docs, 'welcome school')).toEqual([]);
  });

  it('returns everything, in order, for an empty query', () => {
    expect(searchDocuments(docs, '  ')).toEqual(['desk', 'school', 'note']);
  });
});

describe('the inverted word index', () => {
  // Documents and queries drawn from a small vocabulary with shared starts (acc…, med…), so prefixes,
  // whole words, repeated words and words missing from some documents all occur.
  const vocabulary = [
    'accueil',
    'accueillir',
    'acc',
    'mediation',
    'médiateur',
    'med',
    'école',
    'ecoles',
    'zone',
  ];
  const text = fc.array(fc.constantFrom(...vocabulary), { maxLength: 8 }).map((w) => w.join(' '));
  const doc = fc.record({ title: text, note: text, content: text });
  const query = fc.array(
    fc
      .constantFrom(...vocabulary)
      .chain((w) => fc.integer({ min: 1, max: w.length }).map((n) => w.slice(0, n))),
    { minLength: 1, maxLength: 3 },
  );

  it('scores every document exactly as scoring it word by word does', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 12 }), query, (raw, words) => {
        const docs = raw.map((d, i) =>
          indexDocument({
            id: `d${i}`,
            fields: [
              { text: d.title, weight: 8 },
              { text: d.note, weight: 4 },
              { text: d.content, weight: 1 },
            ],
          }),
        );
        const tokens = searchTokens(words.join(' '));
        const scores = scoreAll(buildWordIndex(docs), tokens);
        expect([...scores]).toEqual(docs.map((d) => scoreDocument(d, tokens)));
      }),
      { numRuns: 300 },
    );
  });
});
