import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePhone, phoneForRecord } from '../../shared/contacts/phone.ts';

describe('normalisePhone: national numbers read with the city country', () => {
  it.each([
    ['04 72 10 30 30', 'FR', '+33472103030'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['010 557 3321', 'IT', '+390105573321'],
    ['02 8845 6712', 'IT', '+390288456712'],
    ['94 420 45 67', 'ES', '+34944204567'],
    ['0711 216-81234', 'DE', '+4971121681234'],
    ['0711/216-81234', 'DE', '+4971121681234'],
    ['21 798 8123', 'PT', '+351217988123'],
    ['0113 378 5432', 'GB', '+441133785432'],
    ['22 24 36 00', 'NO', '+4722243600'],
    ['(048) 705 12 34', 'UA', '+380487051234'],
    ['05 28 84 12 34', 'MA', '+212528841234'],
    ['(03) 5320 5788', 'AU', '+61353205788'],
    ['(01) 222 2222', 'IE', '+35312222222'],
  ])('%s in %s is %s', (raw, country, e164) => {
    expect(normalisePhone(raw, country)).toEqual({ ok: true, e164 });
  });

  it('accepts the country code in lower case', () => {
    expect(normalisePhone('04 72 10 30 30', 'fr')).toEqual({ ok: true, e164: '+33472103030' });
  });
});

describe('normalisePhone: international numbers', () => {
  it('drops the "(0)" trunk prefix written inside an international number', () => {
    expect(normalisePhone('+44 (0)20 7946 0000', 'FR')).toEqual({ ok: true, e164: '+442079460000' });
    expect(normalisePhone('+33 (0)4 72 10 30 30', 'GB')).toEqual({ ok: true, e164: '+33472103030' });
  });

  it('reads a 00 international prefix whatever the city country', () => {
    expect(normalisePhone('0039 06 6710 1234', 'IT')).toEqual({ ok: true, e164: '+390667101234' });
  });

  it('keeps a foreign number written internationally as that country number', () => {
    expect(normalisePhone('+41 44 412 11 11', 'DE')).toEqual({ ok: true, e164: '+41444121111' });
  });
});

describe('normalisePhone: extensions and tel: URIs', () => {
  it.each([
    ['04 72 10 30 30 poste 123', 'FR', '123'],
    ['+44 20 7946 0000 ext. 204', 'GB', '204'],
    ['253 203 150 (ext. 4012)', 'PT', '4012'],
    ['02 8845 6712 interno 12', 'IT', '12'],
  ])('keeps the extension of %s apart from the E.164 number', (raw, country, extension) => {
    const result = normalisePhone(raw, country);
    expect(result.ok && result.extension).toBe(extension);
  });

  it('reads a tel: URI with separators and an ext parameter', () => {
    expect(normalisePhone('tel:+33-4-72-10-30-30;ext=12', 'IT')).toEqual({
      ok: true,
      e164: '+33472103030',
      extension: '12',
    });
  });

  it('reads a local tel: URI with its phone-context', () => {
    expect(normalisePhone('tel:0472103030;phone-context=+33', 'IT')).toEqual({
      ok: true,
      e164: '+33472103030',
    });
  });

  it('decodes percent-escapes in a tel: URI', () => {
    expect(normalisePhone('tel:+33%204%2072%2010%2030%2030', 'FR')).toEqual({
      ok: true,
      e164: '+33472103030',
    });
  });

  it('writes an extension for the record as an RFC 3966 parameter', () => {
    expect(phoneForRecord({ e164: '+33472103030', extension: '12' })).toBe('+33472103030;ext=12');
    expect(phoneForRecord({ e164: '+33472103030' })).toBe('+33472103030');
  });
});

describe('normalisePhone: what is not a phone number is reported with the reason', () => {
  it.each([
    ['03 68 98 5', 'FR', 'too-short'],
    ['+33 9 99 99 99 99 99', 'FR', 'too-long'],
    ['on request', 'FR', 'not-a-number'],
    ['0612345678', 'XX', 'unknown-country'],
    ['0612345678', '', 'unknown-country'],
  ])('%s in %s is %s, with the raw text kept', (raw, country, reason) => {
    expect(normalisePhone(raw, country)).toEqual({ ok: false, raw, reason });
  });

  it('reads an international number even when the city country is unknown', () => {
    expect(normalisePhone('+33 4 72 10 30 30', '')).toEqual({ ok: true, e164: '+33472103030' });
  });

  it('is idempotent: an E.164 result normalises to itself from any city country', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '9'),
        fc.stringMatching(/^\d{8}$/),
        fc.constantFrom('FR', 'IT', 'GB', 'DE', 'AU'),
        (lead, rest, other) => {
          const first = normalisePhone(`0${lead}${rest}`, 'FR');
          if (!first.ok) return;
          expect(normalisePhone(first.e164, other)).toEqual(first);
        },
      ),
    );
  });
});
