// A stakeholder (contact): a person or organisation the city works with. Personal data under the GDPR:
// source and lawful basis are recorded, review-by dates set; erasure travels as a tombstone without data.
import { z } from '../zod.ts';
import { httpUrl, isoDateTime, languageTag, syncedFields } from './common.ts';
import { indexAreaId } from './practice.ts';

export const stakeholderTypes = [
  'city_department',
  'elected_official',
  'civil_society',
  'business',
  'academia',
  'media',
  'national_regional_authority',
  'international_body',
  'other',
] as const;

export const lawfulBases = [
  'public_task',
  'consent',
  'legitimate_interest',
  'contract',
  'legal_obligation',
] as const;

export const stakeholderFields = {
  name: z.string().trim().min(1).max(300),
  organisation: z.string().max(300),
  role: z.string().max(300),
  department: z.string().max(300),
  type: z.enum(stakeholderTypes),
  emails: z.array(z.email().max(320)).max(10),
  phones: z.array(z.string().max(40)).max(10),
  website: httpUrl.nullable(),
  languages: z.array(languageTag).max(20),
  topics: z.array(indexAreaId).max(18),
  notes: z.string().max(10_000),
  sourceUrl: httpUrl.nullable(),
  lawfulBasis: z.enum(lawfulBases),
  lawfulBasisNote: z.string().max(2000),
  reviewBy: isoDateTime.nullable(),
};

export const stakeholderSchema = z.object({ ...syncedFields, ...stakeholderFields });
export type Stakeholder = z.infer<typeof stakeholderSchema>;
