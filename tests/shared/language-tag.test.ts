// Languages at input (issue 15, item 5): a contact's languages and a city's language are BCP 47 tags, refused
// otherwise (a CR/LF in one wrote its own vCard line); a clipped page's declared language is repaired instead,
// because real pages declare "en_US", "" or "english" and practices stored before the check hold them.
import { describe, expect, it } from 'vitest';
import { newCitySchema } from '../../shared/api/tenancy.ts';
import { languageTag, toLanguageTag } from '../../shared/schemas/common.ts';
import { pageMetadataSchema, practiceFields } from '../../shared/schemas/practice.ts';
import { stakeholderFields } from '../../shared/schemas/stakeholder.ts';

const tags = ['fr', 'en', 'pt-BR', 'zh-Hant-TW', 'und', 'gsw', 'sr-Latn', 'es-419', 'de-CH-1996'];
const notTags = [
  '',
  'f',
  'english',
  'français',
  'en_US',
  ' fr',
  'fr;de',
  'fr,de',
  'en\r\nEMAIL:evil@evil.example',
  'fr\nEND:VCARD',
  'en-',
  'en--US',
  'x-private',
  `en-${'a'.repeat(40)}`,
];

describe('languageTag', () => {
  it('takes tags and refuses everything else', () => {
    for (const t of tags) expect(languageTag.safeParse(t).success, t).toBe(true);
    for (const t of notTags) expect(languageTag.safeParse(t).success, JSON.stringify(t)).toBe(false);
  });

  it("is the schema of a contact's languages and of a city's language", () => {
    const languages = stakeholderFields.languages;
    expect(languages.safeParse(['fr', 'pt-BR']).success).toBe(true);
    const refused = languages.safeParse(['fr', 'en\r\nEMAIL:evil@evil.example']);
    expect(refused.error?.issues[0]?.path).toEqual([1]);
    const city = { name: 'Lyon', country: 'FR', lang: 'fr' };
    expect(newCitySchema.safeParse(city).success).toBe(true);
    expect(newCitySchema.safeParse({ ...city, lang: 'fr\r\nX' }).error?.issues[0]?.path).toEqual(['lang']);
  });
});

describe("a page's language", () => {
  it('is repaired to a tag or null, never refused', () => {
    const cases: [string | null, string | null][] = [
      ['en_US', 'en-US'],
      ['zh_Hant_TW', 'zh-Hant-TW'],
      [' fr-BE ', 'fr-BE'],
      ['und', 'und'],
      ['', null],
      ['english', null],
      ['en\r\nEMAIL:evil@evil.example', null],
      [null, null],
    ];
    for (const [raw, tag] of cases) {
      expect(toLanguageTag(raw), JSON.stringify(raw)).toBe(tag);
      expect(practiceFields.lang.parse(raw), JSON.stringify(raw)).toBe(tag);
    }
    expect(pageMetadataSchema.shape.lang.safeParse(42).success).toBe(false);
  });
});
