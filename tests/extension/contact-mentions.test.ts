// Before an erasure, the practices whose written words still name the contact (extension/features/
// contact-mentions.ts): full name as whole words, accents and case aside; e-mail; phone digits; not a
// different person who shares a first name, nor the page text.
import { describe, expect, it } from 'vitest';
import { practicesMentioning } from '../../extension/features/contact-mentions.ts';

const practice = (
  id: string,
  over: Partial<Record<'title' | 'excerpt' | 'note', string>> & { tags?: string[] } = {},
) => ({
  id,
  title: over.title ?? `Practice ${id}`,
  excerpt: over.excerpt ?? '',
  note: over.note ?? '',
  tags: over.tags ?? [],
  summaries: [] as {
    lang: string;
    text: string;
    engine: string;
    status: 'reviewed';
    reviewedBy: null;
    reviewedAt: null;
  }[],
  contentMarkdown: 'Giulia Rossi spoke at the conference.',
});

const giulia = { name: 'Giulia Rossi', emails: ['g.rossi@mondinsieme.org'], phones: ['+39 0522 456789'] };

describe('practices that still name a contact', () => {
  it('finds the name in a note, title, summary or tag, whatever the accents and case', () => {
    const summarised = practice('s');
    summarised.summaries.push({
      lang: 'fr',
      text: 'Avec GIULIA ROSSI, médiatrice.',
      engine: 'person',
      status: 'reviewed',
      reviewedBy: null,
      reviewedAt: null,
    });
    const list = [
      practice('a', { note: 'Call giulia rossi on Tuesday.' }),
      practice('b', { title: 'Mediation with Giulia Rossi' }),
      practice('c', { note: 'Giulia will send the figures.' }),
      summarised,
      practice('d', { tags: ['giulia rossi'] }),
      practice('e', { note: 'Giulia Rossini is the new contact.' }),
    ];
    expect(practicesMentioning(giulia, list).map((p) => p.id)).toEqual(['a', 'b', 's', 'd']);
    const accented = { name: 'Zoé Lefèvre', emails: [], phones: [] };
    expect(
      practicesMentioning(accented, [practice('x', { note: 'voir zoe lefevre' }), practice('y')]).map(
        (p) => p.id,
      ),
    ).toEqual(['x']);
  });

  it('finds an e-mail address or a phone number written another way', () => {
    const list = [
      practice('mail', { note: 'Write to G.Rossi@Mondinsieme.org for the files.' }),
      practice('phone', { excerpt: 'Desk: +39 (0522) 456-789.' }),
      practice('year', { note: 'Budget 2025: 45,000 euros.' }),
    ];
    expect(practicesMentioning(giulia, list).map((p) => p.id)).toEqual(['mail', 'phone']);
    // Short numbers (an office extension) never match figures.
    expect(practicesMentioning({ name: 'Ana', emails: [], phones: ['2025'] }, list)).toEqual([]);
  });

  it('does not read the page text: only what members wrote', () => {
    expect(practicesMentioning(giulia, [practice('page')])).toEqual([]);
  });
});
