// Words for the stakeholder's coded fields in the programme's two languages (English and French), used by
// the exports. Codes are in shared/schemas/stakeholder.ts; Index area labels come from the taxonomy.
import type { lawfulBases, stakeholderTypes } from '../schemas/stakeholder.ts';
import { indexAreaLabel } from '../taxonomy/index.ts';

export type ExportLocale = 'en' | 'fr';

export const stakeholderTypeLabels: Record<
  (typeof stakeholderTypes)[number],
  Record<ExportLocale, string>
> = {
  city_department: { en: 'City department', fr: 'Service municipal' },
  elected_official: { en: 'Elected official', fr: 'Élu·e' },
  civil_society: { en: 'Civil society', fr: 'Société civile' },
  business: { en: 'Business', fr: 'Entreprise' },
  academia: { en: 'Academia', fr: 'Monde universitaire' },
  media: { en: 'Media', fr: 'Médias' },
  national_regional_authority: {
    en: 'National or regional authority',
    fr: 'Autorité nationale ou régionale',
  },
  international_body: { en: 'International body', fr: 'Organisation internationale' },
  other: { en: 'Other', fr: 'Autre' },
};

export const lawfulBasisLabels: Record<(typeof lawfulBases)[number], Record<ExportLocale, string>> = {
  public_task: { en: 'Public task', fr: 'Mission d’intérêt public' },
  consent: { en: 'Consent', fr: 'Consentement' },
  legitimate_interest: { en: 'Legitimate interest', fr: 'Intérêt légitime' },
  contract: { en: 'Contract', fr: 'Contrat' },
  legal_obligation: { en: 'Legal obligation', fr: 'Obligation légale' },
};

export const typeLabel = (type: string, locale: ExportLocale) =>
  stakeholderTypeLabels[type as keyof typeof stakeholderTypeLabels]?.[locale] ?? type;

export const basisLabel = (basis: string, locale: ExportLocale) =>
  lawfulBasisLabels[basis as keyof typeof lawfulBasisLabels]?.[locale] ?? basis;

export const topicLabel = (topic: string, locale: ExportLocale) => indexAreaLabel(topic, locale);
