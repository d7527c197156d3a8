// CSV export, read back by an independent parser (csv-parse), as a spreadsheet would open it.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, stakeholdersToCsv } from '../../shared/contacts/csv.ts';
import { richStakeholder, stakeholder } from './contacts-fixtures.ts';

const read = (text: string) =>
  parse(text, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and an English header, ends rows in CRLF', () => {
    const text = stakeholdersToCsv([stakeholder()]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe(csvHeader.join(','));
    expect(csvHeader).toEqual([
      'Name',
      'Organisation',
      'Department',
      'Role',
      'Type',
      'E-mails',
      'Phones',
      'Website',
      'Languages',
      'Topics',
      'Notes',
      'Source URL',
      'Lawful basis',
      'Lawful basis note',
      'Review by',
      'Updated at',
      'ID',
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('csv-parse reads every field back intact: accents, quotes, commas, semicolons, line breaks, Cyrillic', () => {
    const s = richStakeholder;
    const [row, plain] = read(stakeholdersToCsv([s, stakeholder()]));
    expect(row).toEqual({
      Name: s.name,
      Organisation: s.organisation,
      Department: s.department,
      Role: s.role,
      Type: 'City department',
      'E-mails': 'francois.muller@lyon.fr; f.m@example.org',
      Phones: "'+33472103030; '+4722334455",
      Website: s.website,
      Languages: 'fr; de; pt-BR; uk',
      Topics: 'Education; Welcoming newcomers; Anti-discrimination',
      Notes: s.notes,
      'Source URL': s.sourceUrl,
      'Lawful basis': 'legitimate_interest',
      'Lawful basis note': s.lawfulBasisNote,
      'Review by': s.reviewBy,
      'Updated at': s.updatedAt,
      ID: s.id,
    });
    expect(plain!.Name).toBe('Amina Diallo');
    expect(plain!.Website).toBe('');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)']) {
      const [row] = read(stakeholdersToCsv([stakeholder({ name: evil, notes: evil })]));
      expect(row!.Name).toBe(`'${evil}`);
      expect(row!.Notes).toBe(`'${evil}`);
    }
    // A tab both starts a formula and separates cells: what follows it is defused too (tests/server/exports-injection).
    expect(read(stakeholdersToCsv([stakeholder({ name: '\t=1' })]))[0]!.Name).toBe("'\t'=1");
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('plain')).toBe('plain');
  });

  it('an empty list is a header only', () => {
    expect(read(stakeholdersToCsv([]))).toEqual([]);
  });
});
