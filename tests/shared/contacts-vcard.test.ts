// vCard 4.0 export, read back by an independent parser (ical.js parses RFC 6350 vCards).
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { splitPersonName } from '../../shared/contacts/person-name.ts';
import { stakeholdersToVCard, stakeholderToVCard, telUri } from '../../shared/contacts/vcard.ts';
import { foldLine } from '../../shared/contacts/vcard-text.ts';
import { richStakeholder, stakeholder } from './contacts-fixtures.ts';

const encoder = new TextEncoder();

function cards(text: string) {
  const parsed = ICAL.parse(text);
  const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return list.map((jcard) => new ICAL.Component(jcard as never));
}

const values = (card: InstanceType<typeof ICAL.Component>, name: string) =>
  card.getAllProperties(name).flatMap((p) => p.getValues());

describe('vCard export', () => {
  it('ical.js reads every field back intact, accents and escapes included', () => {
    const s = richStakeholder;
    const [card] = cards(stakeholderToVCard(s));
    expect(card!.name).toBe('vcard');
    expect(card!.getFirstPropertyValue('version')).toBe('4.0');
    expect(card!.getFirstPropertyValue('fn')).toBe(s.name);
    expect(card!.getFirstPropertyValue('n')).toEqual(['Müller-Øster', 'François', '', 'Dr.', '']);
    expect(card!.getFirstPropertyValue('org')).toEqual([s.organisation, s.department]);
    expect(card!.getFirstPropertyValue('title')).toBe(s.role);
    expect(values(card!, 'email')).toEqual(s.emails);
    expect(values(card!, 'tel')).toEqual(['tel:+33472103030', 'tel:+4722334455']);
    expect(card!.getFirstProperty('tel')!.type).toBe('uri');
    expect(card!.getFirstPropertyValue('url')).toBe(s.website);
    expect(values(card!, 'lang')).toEqual(s.languages);
    expect(card!.getFirstProperty('categories')!.getValues()).toEqual([
      'City department',
      'Education',
      'Welcoming newcomers',
      'Anti-discrimination',
    ]);
    expect(card!.getFirstPropertyValue('note')).toBe(s.notes);
    expect(card!.getFirstPropertyValue('x-icc-source-url')).toBe(s.sourceUrl);
    expect(card!.getFirstPropertyValue('x-icc-lawful-basis')).toBe('legitimate_interest');
    expect(card!.getFirstPropertyValue('x-icc-lawful-basis-note')).toBe(s.lawfulBasisNote);
    expect(card!.getFirstPropertyValue('x-icc-review-by')).toBe(s.reviewBy);
    expect(String(card!.getFirstPropertyValue('rev'))).toBe('2025-03-01T09:30:00Z');
    expect(card!.getFirstPropertyValue('uid')).toBe(`urn:uuid:${s.id}`);
  });

  it('uses CRLF and folds lines at 75 octets without splitting a UTF-8 sequence', () => {
    const text = stakeholderToVCard(richStakeholder);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(encoder.encode(line).length, line).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    // Folding a line of two-byte and three-byte characters cuts between characters only.
    const folded = foldLine(`NOTE:${'é€'.repeat(40)}`).split('\r\n ');
    expect(folded.join('')).toBe(`NOTE:${'é€'.repeat(40)}`);
    for (const part of folded) expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
  });

  it('exports many stakeholders as one file, leaves out empty fields and marks organisations', () => {
    const org = stakeholder({
      id: '0195f7a2-0000-7000-8000-000000000002',
      name: 'Maison des associations',
      emails: [],
      phones: ['04 72 10 30 30'],
      languages: [],
    });
    const parsed = cards(stakeholdersToVCard([stakeholder(), org]));
    expect(parsed).toHaveLength(2);
    expect(parsed[0]!.getFirstPropertyValue('n')).toEqual(['Diallo', 'Amina', '', '', '']);
    expect(parsed[0]!.getFirstPropertyValue('note')).toBeNull();
    expect(parsed[0]!.getFirstPropertyValue('x-icc-source-url')).toBeNull();
    expect(parsed[1]!.getFirstPropertyValue('kind')).toBe('org');
    expect(parsed[1]!.getFirstPropertyValue('n')).toBeNull();
    expect(parsed[1]!.getFirstPropertyValue('email')).toBeNull();
    // A number without a country code cannot be a tel: URI; it stays text.
    expect(parsed[1]!.getFirstProperty('tel')!.type).toBe('text');
    expect(parsed[1]!.getFirstPropertyValue('tel')).toBe('04 72 10 30 30');
  });

  it('French labels on request', () => {
    const [card] = cards(
      stakeholderToVCard(stakeholder({ topics: ['welcoming_newcomers'] }), { locale: 'fr' }),
    );
    expect(card!.getFirstProperty('categories')!.getValues()[0]).toBe('Société civile');
  });
});

describe('name split for N', () => {
  it.each([
    ['Jean de La Fontaine', ['de La Fontaine', 'Jean', '', '', '']],
    ['DUPONT Marie-Claire', ['DUPONT', 'Marie-Claire', '', '', '']],
    ['Diallo, Amina', ['Diallo', 'Amina', '', '', '']],
    ['Prof. Ludwig van Beethoven Jr.', ['van Beethoven', 'Ludwig', '', 'Prof.', 'Jr.']],
    ['María José García Márquez', ['Márquez', 'María', 'José García', '', '']],
    ['Madonna', ['', 'Madonna', '', '', '']],
  ])('%s', (name, n) => {
    const p = splitPersonName(name);
    expect([p.family, p.given, p.additional, p.prefixes, p.suffixes]).toEqual(n);
  });

  it('tel: URIs only for international numbers', () => {
    expect(telUri('+33 4 72 10 30 30')).toBe('tel:+33-4-72-10-30-30');
    expect(telUri('04 72 10 30 30')).toBeNull();
  });
});
