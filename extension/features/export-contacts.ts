// Contact exports from the side panel: the city's contacts as vCard 4.0 or CSV (labels in the UI
// language), and everything held on one person as JSON (a data subject's access request).
import { stakeholdersToCsv } from '../../shared/contacts/csv.ts';
import { stakeholdersToVCard, vCardMediaType } from '../../shared/contacts/vcard.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import type { Stakeholder } from '../../shared/schemas/stakeholder.ts';
import { uiLanguage } from '../lib/i18n.ts';
import { downloadFile } from './download-file.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function exportContactsVCard(contacts: readonly Stakeholder[]): void {
  downloadFile(
    `icc-contacts-${today()}.vcf`,
    vCardMediaType,
    stakeholdersToVCard(contacts, { locale: uiLanguage() }),
  );
}

export function exportContactsCsv(contacts: readonly Stakeholder[]): void {
  downloadFile(
    `icc-contacts-${today()}.csv`,
    'text/csv;charset=utf-8',
    stakeholdersToCsv(contacts, { locale: uiLanguage() }),
  );
}

/** Everything this browser holds on one person: the record and the practices that name them. */
export function exportPersonData(contact: Stakeholder, practices: readonly Practice[]): void {
  const linked = practices
    .filter((p) => p.stakeholderIds.includes(contact.id))
    .map((p) => ({ id: p.id, title: p.title, url: p.url, clippedAt: p.clippedAt }));
  const record = { exportedAt: new Date().toISOString(), contact, practices: linked };
  downloadFile(`icc-contact-${contact.id}.json`, 'application/json', `${JSON.stringify(record, null, 2)}\n`);
}
