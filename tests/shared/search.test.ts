import { describe, expect, it } from 'vitest';
import { foldText, searchTokens } from '../../shared/search/fold.ts';
import { indexDocument, searchDocuments } from '../../shared/search/match.ts';

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
