import { describe, expect, it } from 'vitest';
import { readJsonLdNodes } from '../../../extension/lib/contacts/json-ld-nodes.ts';
import { readMicrodataNodes } from '../../../extension/lib/contacts/microdata-nodes.ts';
import { schemaOrgContacts } from '../../../extension/lib/contacts/schema-org-contacts.ts';
import { parseBody } from './page.ts';

const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const fromJsonLd = (head: string, country = 'FR') =>
  schemaOrgContacts(readJsonLdNodes(parseBody('', head)), { country, source: 'json-ld' });

describe('JSON-LD contacts', () => {
  it('reads a Person in a @graph, following @id references to the organisation it works for', () => {
    const [person, ...rest] = fromJsonLd(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          {
            '@type': 'Person',
            name: 'Ingrid Solberg',
            jobTitle: 'Senior Adviser',
            email: 'mailto:Ingrid.Solberg@oslo.example',
            telephone: '21 80 21 80',
            worksFor: { '@id': '#org' },
          },
          { '@type': 'GovernmentOrganization', '@id': '#org', name: 'Oslo kommune' },
        ],
      }),
      'NO',
    );
    expect(rest).toEqual([]);
    expect(person).toMatchObject({
      name: 'Ingrid Solberg',
      role: 'Senior Adviser',
      organisation: 'Oslo kommune',
      emails: ['ingrid.solberg@oslo.example'],
      phones: ['+4721802180'],
      sources: { name: 'json-ld', emails: 'json-ld', organisation: 'json-ld' },
    });
  });

  it('reads an organisation with its contact points and employees, who work for it', () => {
    const contacts = fromJsonLd(
      ld({
        '@type': 'GovernmentOrganization',
        name: 'City of Ballarat',
        email: 'info@ballarat.example',
        contactPoint: [
          { '@type': 'ContactPoint', contactType: 'Multicultural services', telephone: '(03) 5320 5788' },
        ],
        employee: [
          { '@type': 'Person', name: 'Priya Raman', jobTitle: 'Officer', email: 'priya@ballarat.example' },
        ],
      }),
      'AU',
    );
    expect(contacts.map((c) => [c.name, c.organisation, c.department, c.phones[0] ?? c.emails[0]])).toEqual([
      ['City of Ballarat', '', '', 'info@ballarat.example'],
      ['', 'City of Ballarat', 'Multicultural services', '+61353205788'],
      ['Priya Raman', 'City of Ballarat', '', 'priya@ballarat.example'],
    ]);
  });

  it('reads an array of blocks and a department inside its parent organisation', () => {
    const [person] = fromJsonLd(
      ld([
        {
          '@type': 'Person',
          name: 'Claire Dubois',
          email: 'claire@lyon.example',
          worksFor: {
            '@type': 'Organization',
            name: 'Service Intégration',
            parentOrganization: { name: 'Ville de Lyon' },
          },
        },
      ]),
    );
    expect(person).toMatchObject({ organisation: 'Ville de Lyon', department: 'Service Intégration' });
  });

  it('makes no contact of a publisher with only a name and a logo, and survives a broken block', () => {
    const contacts = fromJsonLd(
      `<script type="application/ld+json">{ broken</script>${ld({ '@type': 'Organization', name: 'Ville de Lyon', logo: 'x.png' })}${ld({ '@type': 'Person', name: 'Karim Haddad', telephone: '04 72 10 31 31' })}`,
    );
    expect(contacts.map((c) => c.name)).toEqual(['Karim Haddad']);
  });

  it('reports an invalid telephone and an invalid e-mail rather than dropping them', () => {
    const [person] = fromJsonLd(
      ld({ '@type': 'Person', name: 'Paul Schneider', telephone: '03 68', email: 'paul@' }),
    );
    expect(person).toMatchObject({
      phones: [],
      invalidPhones: ['03 68'],
      emails: [],
      invalidEmails: ['paul@'],
    });
  });
});

describe('microdata contacts', () => {
  it('reads Person items with a nested organisation, mailto and tel values, and a relative url', () => {
    const doc = parseBody(`<ul>
      <li itemscope itemtype="https://schema.org/Person"><span itemprop="name">Francesca Lombardi</span>,
        <span itemprop="jobTitle">Coordinatrice</span>
        <span itemprop="worksFor" itemscope itemtype="https://schema.org/GovernmentOrganization"><meta itemprop="name" content="Comune di Milano"></span>
        <a itemprop="telephone" href="tel:+390288456712">Chiama</a>
        <a itemprop="email" href="mailto:francesca.lombardi@milano.example">Scrivi</a>
        <a itemprop="url" href="/staff/lombardi">Scheda</a></li></ul>`);
    const [person, ...rest] = schemaOrgContacts(readMicrodataNodes(doc.body), {
      country: 'IT',
      source: 'microdata',
      base: 'https://www.milano.example/intercultura/',
    });
    expect(rest).toEqual([]);
    expect(person).toMatchObject({
      name: 'Francesca Lombardi',
      role: 'Coordinatrice',
      organisation: 'Comune di Milano',
      phones: ['+390288456712'],
      emails: ['francesca.lombardi@milano.example'],
      website: 'https://www.milano.example/staff/lombardi',
      sources: { name: 'microdata' },
    });
  });

  it('reads the item around a selection made inside it', () => {
    const doc = parseBody(
      '<div itemscope itemtype="https://schema.org/Person"><p id="inner"><span itemprop="name">Luca Moretti</span></p><span itemprop="jobTitle">Funzionario</span></div>',
    );
    const nodes = readMicrodataNodes(doc.getElementById('inner')!);
    expect(nodes).toEqual([
      { '@type': ['https://schema.org/Person'], name: 'Luca Moretti', jobTitle: 'Funzionario' },
    ]);
  });
});
