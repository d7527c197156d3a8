import { describe, expect, it } from 'vitest';
import { detectPageCountry } from '../../../extension/lib/contacts/page-country.ts';
import { prefillContacts } from '../../../extension/lib/contacts/prefill.ts';
import { parseBody } from './page.ts';

const url = 'https://www.lyon.example/equipe';
const personLd = (name: string, email: string) =>
  `<script type="application/ld+json">${JSON.stringify({ '@type': 'Person', name, email, jobTitle: 'Chargée de mission' })}</script>`;

describe('prefillContacts with a selection', () => {
  it('uses the page JSON-LD only for the people the selection names', () => {
    const doc = parseBody(
      '<div id="card"><p>Mme Claire Dubois</p><p>Tél. : 04 72 10 30 30</p></div>',
      personLd('Claire Dubois', 'claire@lyon.example') + personLd('Karim Haddad', 'karim@lyon.example'),
    );
    const root = doc.getElementById('card')!;
    const drafts = prefillContacts(doc, {
      url,
      country: 'FR',
      selectionText: 'Mme Claire Dubois\nTél. : 04 72 10 30 30',
      selectionRoot: root,
    });
    expect(drafts.map((d) => [d.name, d.emails, d.phones, d.role])).toEqual([
      ['Claire Dubois', ['claire@lyon.example'], ['+33472103030'], 'Chargée de mission'],
    ]);
    expect(drafts[0]?.sources).toMatchObject({ name: 'json-ld', phones: 'text', role: 'json-ld' });
  });

  it('takes the links of the card around a selection made inside one line of it', () => {
    const doc = parseBody(
      '<div class="card"><h3 id="name">Siobhán Kelly</h3><p><a href="mailto:siobhan@dublin.example">Email</a></p></div>',
    );
    const text = doc.getElementById('name')!.firstChild!;
    const drafts = prefillContacts(doc, {
      url,
      country: 'IE',
      selectionText: 'Siobhán Kelly',
      selectionRoot: text,
    });
    expect(drafts.map((d) => [d.name, d.emails])).toEqual([['Siobhán Kelly', ['siobhan@dublin.example']]]);
  });

  it('does not take the links of a long article around a selected line', () => {
    const filler = 'Une phrase sur la politique interculturelle de la ville. '.repeat(12);
    const doc = parseBody(
      `<article><p id="line">Mme Claire Dubois, chargée de mission</p><p>${filler}</p><p><a href="mailto:presse@lyon.example">Presse</a></p></article>`,
    );
    const drafts = prefillContacts(doc, {
      url,
      country: 'FR',
      selectionText: 'Mme Claire Dubois, chargée de mission',
      selectionRoot: doc.getElementById('line'),
    });
    expect(drafts.map((d) => [d.name, d.emails])).toEqual([['Claire Dubois', []]]);
  });

  it('takes only the selected person from a list whose other entries have links too', () => {
    const doc =
      parseBody(`<ul><li id="a"><p>Mme Sophie Laurent</p><a href="mailto:sl@paris.example">sl@paris.example</a></li>
      <li id="b"><p>M. Thomas Diaz</p><a href="mailto:td@paris.example">td@paris.example</a></li></ul>`);
    const drafts = prefillContacts(doc, {
      url,
      country: 'FR',
      selectionText: 'M. Thomas Diaz\ntd@paris.example',
      selectionRoot: doc.getElementById('b'),
    });
    expect(drafts.map((d) => [d.name, d.emails])).toEqual([['Thomas Diaz', ['td@paris.example']]]);
  });

  it('reads the vCards the caller fetched', () => {
    const doc = parseBody('<div id="c"><p>Herr Jonas Petersen</p><a href="/j.vcf">vCard</a></div>');
    const drafts = prefillContacts(doc, {
      url: 'https://hamburg.example/',
      country: 'DE',
      selectionText: 'Herr Jonas Petersen',
      selectionRoot: doc.getElementById('c'),
      vcards: [
        {
          url: 'https://hamburg.example/j.vcf',
          text: 'BEGIN:VCARD\nFN:Jonas Petersen\nTEL:040 428 63-1234\nEND:VCARD',
        },
      ],
    });
    expect(drafts).toMatchObject([
      { name: 'Jonas Petersen', phones: ['+4940428631234'], sources: { name: 'vcard' } },
    ]);
  });
});

describe('prefillContacts without a selection', () => {
  it('finds the contact cards of the page and ignores the navigation, header and footer', () => {
    const doc = parseBody(`<header><nav><a href="mailto:info@lyon.example">Contact</a></nav></header>
      <main><p>Une longue introduction sur la politique interculturelle de la ville.</p>
      <div class="card"><h3>M. Karim Haddad</h3><p>Chef du service</p><p>Tél. : 04 72 10 31 31</p></div></main>
      <footer><p>Mairie de Lyon – Tél. 04 72 10 30 30 – info@lyon.example</p></footer>`);
    const drafts = prefillContacts(doc, { url, country: 'FR' });
    expect(drafts.map((d) => [d.name, d.role, d.phones])).toEqual([
      ['Karim Haddad', 'Chef du service', ['+33472103131']],
    ]);
  });

  it('offers nothing on a page that gives no way to reach anyone', () => {
    const doc = parseBody(
      '<main><h1>Festival</h1><p>Claire Dubois opened the festival with the Mayor.</p></main>',
    );
    expect(prefillContacts(doc, { url, country: 'FR' })).toEqual([]);
  });

  it('still returns the other sources when one source fails on an odd page', () => {
    const doc = parseBody(
      '<div><p>M. Karim Haddad</p><p>Tél. : 04 72 10 31 31</p></div>',
      personLd('Claire Dubois', 'claire@lyon.example'),
    );
    // A page whose elements cannot be queried the usual way (a DOM quirk): the text and links fail, JSON-LD does not.
    const broken = Object.create(doc) as Document;
    Object.defineProperty(broken, 'body', {
      get() {
        throw new Error('no body');
      },
    });
    Object.defineProperty(broken, 'documentElement', { value: doc.documentElement });
    const drafts = prefillContacts(broken, { url, country: 'FR' });
    expect(drafts.map((d) => d.name)).toContain('Claire Dubois');
  });
});

describe('detectPageCountry', () => {
  it('reads the country-code domain first, then the language region, then a one-country language', () => {
    expect(detectPageCountry('https://www.comune.genova.it/x', 'en')).toEqual({
      country: 'IT',
      origin: 'domain',
    });
    expect(detectPageCountry('https://www.leeds.gov.uk/', null)).toEqual({ country: 'GB', origin: 'domain' });
    expect(detectPageCountry('https://www.lisboa.example/', 'pt-PT')).toEqual({
      country: 'PT',
      origin: 'language',
    });
    expect(detectPageCountry('https://oslo.example/', 'nb')).toEqual({ country: 'NO', origin: 'language' });
  });

  it('does not guess a country from a language spoken in several', () => {
    expect(detectPageCountry('https://www.example.org/', 'es')).toEqual({ country: '', origin: 'none' });
    expect(detectPageCountry('not a url', 'fr')).toEqual({ country: '', origin: 'none' });
  });
});
