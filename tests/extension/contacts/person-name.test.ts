import { describe, expect, it } from 'vitest';
import { leadingHonorific, withoutHonorific } from '../../../extension/lib/contacts/honorifics.ts';
import { cleanName, isPersonName, nameKey } from '../../../extension/lib/contacts/person-name.ts';

describe('honorifics', () => {
  it.each([
    ['Dr. Anna Rossi', 'Anna Rossi'],
    ['Mme Claire Dubois', 'Claire Dubois'],
    ['M. Jean Martin', 'Jean Martin'],
    ['Sig.ra Maria Bianchi', 'Maria Bianchi'],
    ['Dott.ssa Giulia Verdi', 'Giulia Verdi'],
    ['Dña. Lucía Fernández', 'Lucía Fernández'],
    ['Frau Petra Schmidt', 'Petra Schmidt'],
    ['Prof. Dr. Hans Müller', 'Hans Müller'],
    ['Sr.ª Dr.ª Ana Costa', 'Ana Costa'],
  ])('leaves the titles out of %s', (written, name) => {
    expect(withoutHonorific(written)).toBe(name);
  });

  it('does not take an initial or an ordinary word for a title', () => {
    expect(leadingHonorific('M Rossi')).toBe('');
    expect(leadingHonorific('Mesdames et Messieurs')).toBe('');
    expect(leadingHonorific('Drive safely')).toBe('');
  });
});

describe('isPersonName', () => {
  it.each([
    'María José García López',
    'Jean-Luc de la Tour',
    'ROSSI Anna',
    "Thomas N'Diaye",
    "Siobhán O'Brien",
    'Montserrat Puig i Serra',
    'Frau Schmidt',
  ])('reads %s as a name', (text) => {
    expect(isPersonName(text)).toBe(true);
  });

  it.each([
    'Contact us',
    'Intercultural Cities',
    'Ufficio Intercultura',
    'Privacy Policy',
    'Anna',
    'Via Roma 12',
    'Please write to us',
  ])('does not read %s as a name', (text) => {
    expect(isPersonName(text)).toBe(false);
  });
});

describe('cleanName and nameKey', () => {
  it('turns a surname-first name round', () => {
    expect(cleanName('Müller, Andrea')).toBe('Andrea Müller');
  });

  it('gives one key to the spellings of one name', () => {
    const key = nameKey('Anna Rossi');
    expect(nameKey('Dr. Anna Rossi')).toBe(key);
    expect(nameKey('ROSSI Anna')).toBe(key);
    expect(nameKey('Rossi, Anna')).toBe(key);
    expect(nameKey('Ánna Rossi')).toBe(key);
    expect(nameKey('Anna Rosi')).not.toBe(key);
  });
});
