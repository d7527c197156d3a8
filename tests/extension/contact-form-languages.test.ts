// The contact form's languages (issue 15, item 5): what the member types becomes language tags the schema
// takes ("pt_BR" → "pt-br"), and a value that is not one ("français", a pasted line break) is reported by
// value, as invalid e-mails are, instead of a save the schema would refuse.
import { describe, expect, it } from 'vitest';
import { emptyContact, toStakeholderFields } from '../../extension/features/contact-form-values.ts';
import { stakeholderFields } from '../../shared/schemas/stakeholder.ts';

const form = (languages: string) => ({ ...emptyContact(), name: 'Ana Souza', languages });

describe('contact form languages', () => {
  it('are read as tags the schema accepts, separated by commas, semicolons or spaces', () => {
    const result = toStakeholderFields(form('fr, pt_BR; EN  und\nde-CH'), 'FR');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields.languages).toEqual(['fr', 'pt-br', 'en', 'und', 'de-ch']);
    expect(stakeholderFields.languages.safeParse(result.fields.languages).success).toBe(true);
  });

  it('that are not tags are reported by value and nothing is saved', () => {
    const result = toStakeholderFields(form('fr, français, anglais-américain'), 'FR');
    expect(result).toEqual({ ok: false, problems: { invalidLanguages: ['français', 'anglais-américain'] } });
  });
});
