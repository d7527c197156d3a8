import { describe, expect, it } from 'vitest';
import { attachLinks } from '../../../extension/lib/contacts/attach-links.ts';
import { draftFrom } from '../../../extension/lib/contacts/contact-draft.ts';
import { readContactLinks } from '../../../extension/lib/contacts/contact-links.ts';
import { mergeDrafts } from '../../../extension/lib/contacts/merge-drafts.ts';
import { contactsFromText } from '../../../extension/lib/contacts/text-contacts.ts';
import { parseBody } from './page.ts';

describe('readContactLinks', () => {
  it('reads mailto and tel links, a link text that is a name, and a Cloudflare-protected link', () => {
    const hex = `42${[...'rhian@swansea.example'].map((c) => (c.charCodeAt(0) ^ 0x42).toString(16).padStart(2, '0')).join('')}`;
    const doc = parseBody(`<div id="card">
      <a href="mailto:Maria.DeRosa@bari.example?subject=Info">Maria De Rosa</a>
      <a href="tel:+390805772211">Chiama</a>
      <a href="/cdn-cgi/l/email-protection#${hex}">[email protected]</a>
      <a href="https://bari.example/">Sito</a></div>`);
    const links = readContactLinks(doc.getElementById('card')!, 'IT');
    expect(
      links.map((l) => [
        l.draft.name,
        l.draft.emails,
        l.draft.phones,
        l.draft.sources.emails ?? l.draft.sources.phones,
      ]),
    ).toEqual([
      ['Maria De Rosa', ['maria.derosa@bari.example'], [], 'mailto'],
      ['', [], ['+390805772211'], 'tel'],
      ['', ['rhian@swansea.example'], [], 'mailto'],
    ]);
  });

  it('reports an invalid tel: link and an invalid mailto address', () => {
    const doc = parseBody('<p id="p"><a href="tel:0368">x</a><a href="mailto:paul@strasbourg">y</a></p>');
    const [tel, mail] = readContactLinks(doc.getElementById('p')!, 'FR');
    expect(tel?.draft.invalidPhones).toEqual(['tel:0368']);
    expect(mail?.draft.invalidEmails).toEqual(['paul@strasbourg']);
  });
});

describe('attachLinks', () => {
  it('gives each nameless link to the person named last before it in the block', () => {
    const doc = parseBody(`<ul id="list">
      <li><p>Mme Sophie Laurent, cheffe de mission</p><a href="mailto:sl@paris.example">Écrire</a></li>
      <li><p>M. Thomas Diaz, chargé de projets</p><a href="tel:+33142765433">Appeler</a></li></ul>`);
    const scope = doc.getElementById('list')!;
    const people = contactsFromText(
      'Mme Sophie Laurent, cheffe de mission\nM. Thomas Diaz, chargé de projets',
      'FR',
    );
    const merged = attachLinks(people, readContactLinks(scope, 'FR'), scope);
    expect(merged.map((p) => [p.name, p.emails, p.phones])).toEqual([
      ['Sophie Laurent', ['sl@paris.example'], []],
      ['Thomas Diaz', [], ['+33142765433']],
    ]);
  });

  it('keeps a link that names someone else as a contact of its own', () => {
    const doc = parseBody('<p id="p">Anna Rossi <a href="mailto:marco@x.example">Marco Bianchi</a></p>');
    const scope = doc.getElementById('p')!;
    const merged = attachLinks(contactsFromText('Anna Rossi', 'IT'), readContactLinks(scope, 'IT'), scope);
    expect(merged.map((p) => p.name)).toEqual(['Anna Rossi', 'Marco Bianchi']);
  });
});

describe('mergeDrafts', () => {
  it('merges drafts with the same e-mail, uniting lists and preferring structured sources for a field', () => {
    const [merged, ...rest] = mergeDrafts([
      draftFrom('text', { name: 'Anna Rossi', role: 'Responsabile', emails: ['anna@x.example'] }),
      draftFrom('json-ld', {
        role: 'Responsabile Ufficio Intercultura',
        emails: ['anna@x.example'],
        phones: ['+39051'],
      }),
    ]);
    expect(rest).toEqual([]);
    expect(merged).toMatchObject({
      name: 'Anna Rossi',
      role: 'Responsabile Ufficio Intercultura',
      phones: ['+39051'],
      sources: { name: 'text', role: 'json-ld', emails: 'json-ld', phones: 'json-ld' },
    });
  });

  it('merges drafts with the same name written differently', () => {
    const merged = mergeDrafts([
      draftFrom('text', { name: 'Dr. Anna Rossi' }),
      draftFrom('vcard', { name: 'ROSSI Anna', emails: ['anna@x.example'] }),
    ]);
    expect(merged).toHaveLength(1);
  });

  it('keeps two named colleagues apart even when they share an office address', () => {
    const merged = mergeDrafts([
      draftFrom('text', { name: 'Anna Rossi', emails: ['ufficio@x.example'] }),
      draftFrom('text', { name: 'Marco Bianchi', emails: ['ufficio@x.example'] }),
    ]);
    expect(merged.map((d) => d.name)).toEqual(['Anna Rossi', 'Marco Bianchi']);
  });

  it('joins two drafts that a third shows to be one person', () => {
    const merged = mergeDrafts([
      draftFrom('text', { name: 'Anna Rossi' }),
      draftFrom('mailto', { emails: ['anna@x.example'] }),
      draftFrom('json-ld', { name: 'Anna Rossi', emails: ['anna@x.example'] }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.emails).toEqual(['anna@x.example']);
  });
});
