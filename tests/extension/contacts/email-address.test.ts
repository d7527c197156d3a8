import { describe, expect, it } from 'vitest';
import { emailOfMailto, findEmails, isValidEmail } from '../../../extension/lib/contacts/email-address.ts';
import {
  decodeCloudflareEmail,
  revealObfuscatedEmails,
} from '../../../extension/lib/contacts/obfuscated-email.ts';

describe('e-mail addresses', () => {
  it('accepts what the stakeholder schema accepts and nothing else', () => {
    expect(isValidEmail('anna.rossi@comune.bologna.it')).toBe(true);
    expect(isValidEmail('anna.rossi@comune')).toBe(false);
    expect(isValidEmail('anna..rossi@comune.it')).toBe(false);
  });

  it('finds addresses in running text, lower-cased, trailing full stop trimmed, and reports malformed ones', () => {
    expect(
      findEmails('Write to Anna.Rossi@Comune.Bologna.IT. Or to paul@strasbourg, or @cityhandle'),
    ).toEqual({
      emails: ['anna.rossi@comune.bologna.it'],
      invalid: ['paul@strasbourg'],
    });
  });

  it('reads the first address of a mailto link, decoded, without its query', () => {
    expect(emailOfMailto('mailto:siobh%C3%A1n@dublin.example,b@x.example?subject=Hi')).toBe(
      'siobhán@dublin.example',
    );
    expect(emailOfMailto('mailto:?subject=Share')).toBeNull();
    expect(emailOfMailto('https://example.org')).toBeNull();
  });
});

describe('obfuscated addresses', () => {
  it.each([
    ['giulia.ferraro [at] comune.genova [dot] it', 'giulia.ferraro@comune.genova.it'],
    ['katrin.vogel(at)erlangen.de', 'katrin.vogel@erlangen.de'],
    ['mpuig (arroba) bcn (punto) cat', 'mpuig@bcn.cat'],
    ['jdupont {arobase} lyon (point) fr', 'jdupont@lyon.fr'],
    ['anna.rossi AT comune DOT bologna DOT it', 'anna.rossi@comune.bologna.it'],
  ])('reveals %s', (written, address) => {
    expect(revealObfuscatedEmails(written)).toBe(address);
  });

  it('leaves an ordinary English "at" alone', () => {
    expect(revealObfuscatedEmails('Meet us at the Civic Hall')).toBe('Meet us at the Civic Hall');
  });

  it('decodes a Cloudflare-protected address and refuses what is not one', () => {
    const encoded = `42${[...'a@b.example'].map((c) => (c.charCodeAt(0) ^ 0x42).toString(16).padStart(2, '0')).join('')}`;
    expect(decodeCloudflareEmail(encoded)).toBe('a@b.example');
    expect(decodeCloudflareEmail('zz')).toBeNull();
  });
});
