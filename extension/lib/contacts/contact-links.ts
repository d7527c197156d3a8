// `mailto:` and `tel:` links in a block: the address or number a page links to is often not in its text
// ("Send an e-mail", "Call"), and when it is, the link's target is the exact one. A link whose text is a
// person's name ("<a href="mailto:…">Anna Rossi</a>") names that person too. Cloudflare's protected links
// (/cdn-cgi/l/email-protection#…) are decoded.
import { type ContactDraft, draftFrom } from './contact-draft.ts';
import { cleanEmail, emailOfMailto, isValidEmail } from './email-address.ts';
import { decodeCloudflareEmail } from './obfuscated-email.ts';
import { cleanName, isPersonName } from './person-name.ts';
import { readPhones } from './phone-values.ts';

export interface LinkContact {
  draft: ContactDraft;
  /** The link, so the caller can tell whose block it sits in. */
  link: Element;
}

function mailtoAddress(link: Element): string | null {
  const href = link.getAttribute('href') ?? '';
  const fromMailto = emailOfMailto(href);
  if (fromMailto) return fromMailto;
  const hidden = /\/cdn-cgi\/l\/email-protection#([0-9a-f]+)/i.exec(href)?.[1];
  return hidden ? decodeCloudflareEmail(hidden) : null;
}

function linkName(link: Element): string {
  const text = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
  return isPersonName(text) ? cleanName(text) : '';
}

function mailtoContact(link: Element, address: string): ContactDraft {
  const email = cleanEmail(address);
  const valid = isValidEmail(email);
  const draft = draftFrom('mailto', {
    name: linkName(link),
    emails: valid ? [email] : [],
    invalidEmails: valid ? [] : [address],
  });
  return draft;
}

function telContact(link: Element, href: string, country: string): ContactDraft {
  const { phones, invalid } = readPhones(href, country);
  return draftFrom('tel', { name: linkName(link), phones, invalidPhones: invalid });
}

export function readContactLinks(scope: Element, country: string): LinkContact[] {
  const found: LinkContact[] = [];
  for (const link of Array.from(scope.querySelectorAll('a[href]'))) {
    const href = (link.getAttribute('href') ?? '').trim();
    if (/^tel:/i.test(href)) {
      found.push({ draft: telContact(link, href, country), link });
      continue;
    }
    const address = mailtoAddress(link);
    if (address) found.push({ draft: mailtoContact(link, address), link });
  }
  return found;
}
