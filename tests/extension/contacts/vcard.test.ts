import { describe, expect, it, vi } from 'vitest';
import { fetchSameOriginVcards } from '../../../extension/lib/contacts/fetch-vcards.ts';
import { parseVcard } from '../../../extension/lib/contacts/vcard.ts';
import { findVcardLinks } from '../../../extension/lib/contacts/vcard-links.ts';
import { parseBody } from './page.ts';

describe('parseVcard', () => {
  it('reads a 3.0 card: folded lines, escapes, organisation and unit, title, fax left out', () => {
    const [card, ...rest] = parseVcard(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:Petersen;Jonas;;Herr;',
        'FN:Jonas Petersen',
        'ORG:Freie und Hansestadt Hamburg;Amt für Arbeit und Integration',
        'TITLE:Referent für Integration\\, Vielfalt und',
        '  Teilhabe',
        'TEL;TYPE=WORK,VOICE:040 428 63-1234',
        'TEL;TYPE=WORK,FAX:040 428 63-1299',
        'item1.EMAIL;TYPE=INTERNET:Jonas.Petersen@hamburg.example',
        'URL:https://www.hamburg.example/integration',
        'END:VCARD',
      ].join('\r\n'),
      'DE',
    );
    expect(rest).toEqual([]);
    expect(card).toMatchObject({
      name: 'Jonas Petersen',
      organisation: 'Freie und Hansestadt Hamburg',
      department: 'Amt für Arbeit und Integration',
      role: 'Referent für Integration, Vielfalt und Teilhabe',
      phones: ['+4940428631234'],
      emails: ['jonas.petersen@hamburg.example'],
      website: 'https://www.hamburg.example/integration',
      sources: { name: 'vcard', phones: 'vcard' },
    });
  });

  it('reads a 2.1 card with quoted-printable UTF-8 and a soft line break, and a 4.0 card with a tel: URI', () => {
    const cards = parseVcard(
      'BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dubois;Ren=C3=\n=A9e\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:Ana Costa\nTEL;VALUE=uri;TYPE=work:tel:+351-21-798-8123;ext=12\nEND:VCARD\n',
      'PT',
    );
    expect(cards.map((c) => [c.name, c.phones])).toEqual([
      ['Renée Dubois', []],
      ['Ana Costa', ['+351217988123;ext=12']],
    ]);
  });

  it('reports a national number it cannot read without the city country, and a bad address', () => {
    const [card] = parseVcard('BEGIN:VCARD\nFN:Ana Costa\nTEL:21 798 8123\nEMAIL:ana@\nEND:VCARD');
    expect(card).toMatchObject({ phones: [], invalidPhones: ['21 798 8123'], invalidEmails: ['ana@'] });
  });
});

describe('findVcardLinks', () => {
  it('finds .vcf links and text/vcard links, absolute, once each', () => {
    const doc =
      parseBody(`<a href="/kontakte/petersen.vcf">vCard</a><a href="/kontakte/petersen.vcf">again</a>
      <a href="/api/contact?id=4" type="text/vcard">Save</a><a href="/about.html">About</a>
      <a href="javascript:alert(1).vcf">x</a>`);
    expect(findVcardLinks(doc, 'https://www.hamburg.example/integration/')).toEqual([
      'https://www.hamburg.example/kontakte/petersen.vcf',
      'https://www.hamburg.example/api/contact?id=4',
    ]);
  });
});

describe('fetchSameOriginVcards', () => {
  const vcard = 'BEGIN:VCARD\nFN:A B\nEND:VCARD';

  it('fetches same-origin links only and keeps only what is a vCard', async () => {
    const fetcher = vi.fn(async (url: string) => new Response(url.endsWith('a.vcf') ? vcard : '<html>'));
    const files = await fetchSameOriginVcards(
      ['https://city.example/a.vcf', 'https://city.example/b.vcf', 'https://tracker.example/c.vcf'],
      'https://city.example/page',
      { fetcher: fetcher as unknown as typeof fetch },
    );
    expect(files).toEqual([{ url: 'https://city.example/a.vcf', text: vcard }]);
    expect(fetcher.mock.calls.map(([url]) => url)).toEqual([
      'https://city.example/a.vcf',
      'https://city.example/b.vcf',
    ]);
  });

  it('gives up on a link that does not answer in time, without losing the others', async () => {
    const fetcher = vi.fn(
      (url: string, init?: RequestInit) =>
        new Promise<Response>((resolve, reject) => {
          if (url.endsWith('fast.vcf')) resolve(new Response(vcard));
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const files = await fetchSameOriginVcards(
      ['https://city.example/slow.vcf', 'https://city.example/fast.vcf'],
      'https://city.example/',
      {
        fetcher: fetcher as unknown as typeof fetch,
        timeoutMs: 20,
      },
    );
    expect(files.map((f) => f.url)).toEqual(['https://city.example/fast.vcf']);
  });
});
