// The fixture pages of tests/fixtures/contacts, run as `npm run eval:contacts` runs them: every expected
// contact is found, with every field the expectation states, and nothing else is offered.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchContacts, runCase, scoredFields } from '../../../scripts/eval-contacts.ts';

const root = fileURLToPath(new URL('../../fixtures/contacts/', import.meta.url));
const cases = readdirSync(root).sort();
const site = (s: string | null | undefined) =>
  (s ?? '').replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');

describe('contact prefill on the fixture pages', () => {
  it('has at least fifteen cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s: finds the expected contacts and no others', (name) => {
    const { expected, drafts, selectionFound } = runCase(`${root}${name}`);
    expect(selectionFound).toBe(true);
    expect(drafts).toHaveLength(expected.contacts.length);
    const pairs = matchContacts(expected.contacts, drafts);
    expected.contacts.forEach((want, i) => {
      const got = drafts[pairs.get(i) ?? -1];
      expect(got, `contact ${JSON.stringify(want.name)}`).toBeDefined();
      for (const field of scoredFields) {
        if (!(field in want)) continue;
        if (field === 'website') expect(site(got?.website)).toBe(site(want.website));
        else expect(got?.[field], `${field} of ${JSON.stringify(want.name)}`).toEqual(want[field]);
      }
      expect(got?.invalidPhones).toEqual(want.invalidPhones ?? []);
      expect(got?.invalidEmails).toEqual(want.invalidEmails ?? []);
    });
  });
});
