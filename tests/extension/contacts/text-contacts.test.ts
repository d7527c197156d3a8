import { describe, expect, it } from 'vitest';
import { contactsFromText } from '../../../extension/lib/contacts/text-contacts.ts';

describe('contactsFromText: one contact block per language', () => {
  it('reads an English block: name without title, role, department and organisation, phone, e-mail, web', () => {
    const [contact, ...rest] = contactsFromText(
      'Dr Sarah Ahmed\nIntercultural Cities Coordinator\nCommunities Team, Leeds City Council\nTel: 0113 378 5432\nEmail: sarah.ahmed@leeds.example\nWeb: www.leeds.example/communities',
      'GB',
    );
    expect(rest).toEqual([]);
    expect(contact).toMatchObject({
      name: 'Sarah Ahmed',
      role: 'Intercultural Cities Coordinator',
      department: 'Communities Team',
      organisation: 'Leeds City Council',
      phones: ['+441133785432'],
      emails: ['sarah.ahmed@leeds.example'],
      website: 'https://www.leeds.example/communities',
    });
    expect(contact?.sources).toMatchObject({ name: 'text', emails: 'text', phones: 'text' });
  });

  it('reads a French block with "Tél. :" and "Courriel :" on one line', () => {
    const [contact] = contactsFromText(
      'Mme Claire Dubois\nChargée de mission Villes interculturelles\nTél. : 04 72 10 30 30 Courriel : claire.dubois@lyon.example',
      'FR',
    );
    expect(contact).toMatchObject({
      name: 'Claire Dubois',
      role: 'Chargée de mission Villes interculturelles',
      phones: ['+33472103030'],
      emails: ['claire.dubois@lyon.example'],
    });
  });

  it('reads an Italian block with an obfuscated address and ignores the fax number and the street address', () => {
    const [contact] = contactsFromText(
      'Dott.ssa Giulia Ferraro\nResponsabile Ufficio Intercultura\nComune di Genova – Direzione Politiche Sociali\nVia di Francia 1, 16149 Genova\nTel. 010 557 3321 – Fax 010 557 3399\nE-mail: giulia.ferraro [at] comune.genova [dot] example',
      'IT',
    );
    expect(contact).toMatchObject({
      name: 'Giulia Ferraro',
      role: 'Responsabile Ufficio Intercultura',
      organisation: 'Comune di Genova',
      department: 'Direzione Politiche Sociali',
      phones: ['+390105573321'],
      emails: ['giulia.ferraro@comune.genova.example'],
    });
  });

  it('reads a Spanish block with "Teléfono" and "(arroba)"', () => {
    const [contact] = contactsFromText(
      'Dña. Lucía Fernández\nJefa de Servicio de Inmigración\nAyuntamiento de Getafe\nTeléfono: 91 202 79 00\nCorreo: lfernandez (arroba) getafe (punto) example',
      'ES',
    );
    expect(contact).toMatchObject({
      name: 'Lucía Fernández',
      role: 'Jefa de Servicio de Inmigración',
      organisation: 'Ayuntamiento de Getafe',
      phones: ['+34912027900'],
      emails: ['lfernandez@getafe.example'],
    });
  });

  it('reads a German block with "Frau Dr.", "Leiterin" and "(at)"', () => {
    const [contact] = contactsFromText(
      'Frau Dr. Katrin Vogel\nLeiterin des Integrationsbüros\nStadt Erlangen\nTelefon: 09131 86-2345\nE-Mail: katrin.vogel(at)erlangen.example',
      'DE',
    );
    expect(contact).toMatchObject({
      name: 'Katrin Vogel',
      role: 'Leiterin des Integrationsbüros',
      organisation: 'Stadt Erlangen',
      phones: ['+499131862345'],
      emails: ['katrin.vogel@erlangen.example'],
    });
  });

  it('reads a Portuguese block with "Sr.ª Dr.ª", "Telemóvel" and "Correio eletrónico"', () => {
    const [contact] = contactsFromText(
      'Sr.ª Dr.ª Ana Rita Figueiredo\nChefe de Divisão de Intervenção Social\nCâmara Municipal de Lisboa\nTelemóvel: 91 234 5678\nCorreio eletrónico: ana.figueiredo@lisboa.example',
      'PT',
    );
    expect(contact).toMatchObject({
      name: 'Ana Rita Figueiredo',
      role: 'Chefe de Divisão de Intervenção Social',
      organisation: 'Câmara Municipal de Lisboa',
      phones: ['+351912345678'],
      emails: ['ana.figueiredo@lisboa.example'],
    });
  });
});

describe('contactsFromText: staff lists', () => {
  it('starts a new contact at each name and gives the heading department to everyone', () => {
    const contacts = contactsFromText(
      'Service des relations internationales\nMme Claire Dubois\nChargée de mission\nTél. : 04 72 10 30 30\nM. Karim Haddad\nChef du service\nTél. : 04 72 10 31 31',
      'FR',
    );
    expect(contacts.map((c) => [c.name, c.role, c.department, c.phones[0]])).toEqual([
      ['Claire Dubois', 'Chargée de mission', 'Service des relations internationales', '+33472103030'],
      ['Karim Haddad', 'Chef du service', 'Service des relations internationales', '+33472103131'],
    ]);
  });

  it('gives a role written above a name to that name, not to the person before (role-first lists)', () => {
    const contacts = contactsFromText(
      'Head of Community Cohesion\nGrace Okafor\ngrace.okafor@lewisham.example\nIntercultural Cities Lead\nDaniel Mensah\ndaniel.mensah@lewisham.example',
      'GB',
    );
    expect(contacts.map((c) => [c.name, c.role])).toEqual([
      ['Grace Okafor', 'Head of Community Cohesion'],
      ['Daniel Mensah', 'Intercultural Cities Lead'],
    ]);
  });

  it('makes one contact per table row, a nameless office row included, surname-first names turned round', () => {
    const contacts = contactsFromText(
      'Name\tFunktion\tTelefon\tE-Mail\nMüller, Andrea\tLeiterin\t0231 50-2 34 56\tamueller@do.example\nSekretariat\t\t0231 50-2 34 50\tki@do.example',
      'DE',
    );
    expect(contacts.map((c) => [c.name, c.emails])).toEqual([
      ['Andrea Müller', ['amueller@do.example']],
      ['', ['ki@do.example']],
    ]);
  });

  it('splits "name, role, organisation" written on one line', () => {
    const [contact] = contactsFromText(
      'Anna Rossi, Responsabile Ufficio Intercultura, Comune di Bologna',
      'IT',
    );
    expect(contact).toMatchObject({
      name: 'Anna Rossi',
      role: 'Responsabile Ufficio Intercultura',
      organisation: 'Comune di Bologna',
    });
  });

  it('reads a contact written as a sentence: the name after "contact", the role, a valid number', () => {
    const [contact] = contactsFromText(
      'For more information please contact Ben Carter, Programme Manager for Inclusive Communities, on 0161 234 5000 or email ben.carter@manchester.example.',
      'GB',
    );
    expect(contact).toMatchObject({
      name: 'Ben Carter',
      role: 'Programme Manager for Inclusive Communities',
      phones: ['+441612345000'],
      emails: ['ben.carter@manchester.example'],
    });
  });
});

describe('contactsFromText: bad input is reported, not dropped', () => {
  it('reports a labelled phone number that cannot exist', () => {
    const [contact] = contactsFromText('Mme Nadia Belkacem\nTél. : 03 68 98 5', 'FR');
    expect(contact).toMatchObject({ phones: [], invalidPhones: ['03 68 98 5'] });
  });

  it('reports a labelled e-mail address that is not valid', () => {
    const [contact] = contactsFromText('M. Paul Schneider\nCourriel : paul.schneider@strasbourg', 'FR');
    expect(contact).toMatchObject({ emails: [], invalidEmails: ['paul.schneider@strasbourg'] });
  });

  it('finds nothing in text that names no one and gives no way to reach anyone', () => {
    expect(
      contactsFromText('Opening hours: Monday to Friday, 9am to 5pm.\nCivic Hall, Leeds LS1 1UR', 'GB'),
    ).toEqual([]);
  });
});
