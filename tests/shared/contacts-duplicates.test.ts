// Duplicate detection and the merge it offers (issue 4: "never saved silently twice").
import { describe, expect, it } from 'vitest';
import { findDuplicates, mergeContacts, nameKey } from '../../shared/contacts/duplicates.ts';
import { stakeholder } from './contacts-fixtures.ts';

const amina = stakeholder();
const jean = stakeholder({
  id: '0195f7a2-0000-7000-8000-000000000003',
  name: 'Jean-François Lefèvre',
  organisation: 'Université Lumière Lyon 2',
  emails: ['jf.lefevre@univ-lyon2.fr'],
});
const gone = stakeholder({
  id: '0195f7a2-0000-7000-8000-000000000004',
  deletedAt: '2025-02-01T00:00:00.000Z',
});

describe('findDuplicates', () => {
  it('finds the same e-mail whatever its case', () => {
    const [match, ...rest] = findDuplicates({ name: 'Someone else', emails: ['AMINA@Example.ORG'] }, [
      jean,
      amina,
    ]);
    expect(rest).toEqual([]);
    expect(match).toMatchObject({ stakeholder: { id: amina.id }, reasons: ['same-email'] });
    expect(match!.sharedEmails).toEqual(['amina@example.org']);
  });

  it('finds the same name and organisation across accents, case, spacing, word order and titles', () => {
    for (const name of [
      'Dr. Jean Francois LEFEVRE',
      '  jean-françois   lefèvre ',
      'LEFÈVRE Jean-François',
      'Prof Jean François Lefevre PhD',
    ]) {
      const found = findDuplicates({ name, organisation: 'universite lumiere  LYON 2' }, [amina, jean]);
      expect(
        found.map((m) => [m.stakeholder.id, m.reasons]),
        name,
      ).toEqual([[jean.id, ['same-name-and-organisation']]]);
    }
  });

  it('gives both reasons, puts e-mail matches first, and ignores itself and erased contacts', () => {
    const twin = stakeholder({ id: '0195f7a2-0000-7000-8000-000000000005', emails: ['other@example.org'] });
    const found = findDuplicates(
      {
        id: amina.id,
        name: 'Mme Amina Diallo',
        organisation: 'Maison des Associations',
        emails: ['other@example.org'],
      },
      [amina, twin, gone],
    );
    expect(found.map((m) => [m.stakeholder.id, m.reasons])).toEqual([
      [twin.id, ['same-email', 'same-name-and-organisation']],
    ]);
  });

  it('a different organisation or name is no duplicate', () => {
    expect(findDuplicates({ name: 'Amina Diallo', organisation: 'Ville de Lyon' }, [amina])).toEqual([]);
    expect(
      findDuplicates({ name: 'Aminata Diallo', organisation: 'Maison des associations' }, [amina]),
    ).toEqual([]);
  });

  it('name keys drop titles but never the whole name', () => {
    expect(nameKey('Dott.ssa Maria Rossi')).toBe(nameKey('Maria Rossi'));
    expect(nameKey('Sig.ra Maria Rossi')).toBe('maria rossi');
    expect(nameKey('Dr')).toBe('dr');
  });
});

describe('mergeContacts', () => {
  it('unions sets, fills empty scalars, keeps existing values and lists the differing ones', () => {
    const existing = stakeholder({ department: '', role: 'Directrice', type: 'other', website: null });
    const merge = mergeContacts(existing, {
      name: 'Amina Diallo',
      role: 'Présidente',
      department: 'Pôle jeunesse',
      type: 'civil_society',
      website: 'https://maison.example.org',
      emails: ['AMINA@example.org', 'a.diallo@maison.example.org'],
      phones: ['+33 4 72 10 30 30', '+33611223344'],
      languages: ['FR', 'en'],
      topics: ['education', 'participation'],
    });
    expect(merge.values).toMatchObject({
      name: 'Amina Diallo',
      role: 'Directrice',
      department: 'Pôle jeunesse',
      type: 'civil_society',
      website: 'https://maison.example.org',
      emails: ['amina@example.org', 'a.diallo@maison.example.org'],
      phones: ['+33472103030', '+33611223344'],
      languages: ['fr', 'wo', 'en'],
      topics: ['education', 'participation'],
    });
    expect(merge.fields).toEqual({
      department: 'Pôle jeunesse',
      type: 'civil_society',
      website: 'https://maison.example.org',
    });
    expect(merge.add).toEqual({
      emails: ['a.diallo@maison.example.org'],
      phones: ['+33611223344'],
      languages: ['en'],
      topics: ['participation'],
    });
    expect(merge.differing).toEqual([{ field: 'role', existing: 'Directrice', incoming: 'Présidente' }]);
  });

  it('merging a contact into itself changes nothing', () => {
    const merge = mergeContacts(amina, amina);
    expect(merge).toEqual({ values: amina, fields: {}, add: {}, differing: [] });
  });
});
