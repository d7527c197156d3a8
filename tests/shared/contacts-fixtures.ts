// Stakeholders for the contact tests: accents from the programme's languages, Cyrillic, and values long
// enough to need folding.
import type { Stakeholder } from '../../shared/schemas/stakeholder.ts';

export function stakeholder(overrides: Partial<Stakeholder> = {}): Stakeholder {
  return {
    id: '0195f7a2-0000-7000-8000-000000000001',
    cityId: 'city-1',
    createdAt: '2025-01-10T08:00:00.000Z',
    updatedAt: '2025-03-01T09:30:00.000Z',
    createdBy: 'member-1',
    updatedBy: 'member-1',
    deletedAt: null,
    version: 3,
    name: 'Amina Diallo',
    organisation: 'Maison des associations',
    role: 'Directrice',
    department: '',
    type: 'civil_society',
    emails: ['amina@example.org'],
    phones: ['+33472103030'],
    website: null,
    languages: ['fr', 'wo'],
    topics: ['education'],
    notes: '',
    sourceUrl: null,
    lawfulBasis: 'public_task',
    lawfulBasisNote: '',
    reviewBy: null,
    ...overrides,
  };
}

/** Every field filled, with characters that need escaping, accents and a note long enough to fold. */
export const richStakeholder = stakeholder({
  id: '0195f7a2-0000-7000-8000-0000000000aa',
  name: 'Dr. François Müller-Øster',
  organisation: 'Ville de Lyon; Mairie du 1er, Direction',
  role: 'Chargée de mission "Inclusion" \\ Égalité',
  department: 'Service de l’éducation, Ação social',
  type: 'city_department',
  emails: ['francois.muller@lyon.fr', 'f.m@example.org'],
  phones: ['+33472103030', '+4722334455'],
  website: 'https://www.lyon.fr/education?x=1,2;3',
  languages: ['fr', 'de', 'pt-BR', 'uk'],
  topics: ['education', 'welcoming_newcomers', 'anti_discrimination'],
  notes: `Rencontre à la Straße; ça va. São Paulo, Tromsø.\nВторая строка: Привет, мир!\n${'ß é ç ã ø Ж '.repeat(30)}`,
  sourceUrl: 'https://www.lyon.fr/annuaire/francois-muller',
  lawfulBasis: 'legitimate_interest',
  lawfulBasisNote: 'Listed publicly, see annuaire; contact, not profiling',
  reviewBy: '2026-01-01T00:00:00.000Z',
});
