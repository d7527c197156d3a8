import type { PageMetadata } from '../../../shared/schemas/practice.ts';
import { formatDate, t } from '../../lib/i18n.ts';

/** The metadata read from the page, compact, for the member to check at a glance. */
export function PageMeta({ metadata }: { metadata: PageMetadata }) {
  const rows: [string, string | null][] = [
    [t('metaSite'), metadata.siteName],
    [t('metaAuthor'), metadata.byline],
    [t('metaPublished'), metadata.publishedTime ? formatDate(metadata.publishedTime) : null],
    [t('metaLanguage'), metadata.lang],
    [t('metaAddress'), metadata.canonicalUrl ?? metadata.url],
  ];
  return (
    <dl class="meta">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => [
          <dt key={`${label}-t`}>{label}</dt>,
          <dd key={`${label}-d`} title={value ?? ''}>
            {value}
          </dd>,
        ])}
    </dl>
  );
}
