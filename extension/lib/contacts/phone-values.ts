// Every phone number a field states, normalised with the city's country: what the text, a `tel:` link, a
// vCard TEL or a schema.org `telephone` gives. Whatever looked like a number but is not one comes back in
// `invalid`, so the form can show it.
import { normalisePhone, phoneForRecord } from '../../../shared/contacts/phone.ts';
import { phoneRuns } from './phone-runs.ts';

export interface PhoneValues {
  phones: string[];
  invalid: string[];
}

export function readPhones(raw: string, country: string): PhoneValues {
  const result: PhoneValues = { phones: [], invalid: [] };
  const value = raw.trim();
  if (/^tel:/i.test(value)) {
    const phone = normalisePhone(value, country);
    if (phone.ok) result.phones.push(phoneForRecord(phone));
    else result.invalid.push(value);
    return result;
  }
  for (const run of phoneRuns(value)) {
    const phone = normalisePhone(run, country);
    if (phone.ok) {
      result.phones.push(phoneForRecord(phone));
      continue;
    }
    // "030 1234567 / 030 7654321" is two numbers; "0711/216-81234" is one, which the first try accepted.
    const parts = run.split('/').map((part) => normalisePhone(part, country));
    if (parts.length > 1 && parts.every((p) => p.ok)) {
      for (const part of parts) if (part.ok) result.phones.push(phoneForRecord(part));
    } else result.invalid.push(run);
  }
  // A value with digits but no run long enough to be a number ("12 34") is still reported.
  if (result.phones.length === 0 && result.invalid.length === 0 && /\d/.test(value))
    result.invalid.push(value);
  return result;
}
