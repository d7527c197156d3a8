// The library: search as you type, filter by Index area and tag, open a practice.
import { useState } from 'preact/hooks';
import { indexAreas } from '../../../shared/taxonomy/index.ts';
import { filterLibrary, type LibraryFilter } from '../../features/library-search.ts';
import { formatCount, formatDate, t, uiLanguage } from '../../lib/i18n.ts';
import { Notice } from '../components/Notice.tsx';
import type { useLibrary } from './useLibrary.ts';

const pageRows = 100;

interface Props {
  library: ReturnType<typeof useLibrary>;
  authorName: (memberId: string | null) => string | null;
  onOpen: (id: string) => void;
}

export function LibraryView({ library, authorName, onOpen }: Props) {
  const [filter, setFilter] = useState<LibraryFilter>({ query: '', area: null, tag: null });
  // A city library can hold thousands of practices: render a page of rows, the rest on demand.
  const [limit, setLimit] = useState(pageRows);
  const lang = uiLanguage();
  const shown = filterLibrary(library.practices, library.index, filter);
  return (
    <section aria-labelledby="library-heading">
      <h2 id="library-heading" class="sr-only">
        {t('tabLibrary')}
      </h2>
      <label class="sr-only" for="library-search">
        {t('searchLabel')}
      </label>
      <input
        id="library-search"
        type="search"
        placeholder={t('searchPlaceholder')}
        value={filter.query}
        onInput={(e) => setFilter({ ...filter, query: e.currentTarget.value })}
      />
      <div class="filters">
        <select
          aria-label={t('filterArea')}
          value={filter.area ?? ''}
          onChange={(e) => setFilter({ ...filter, area: e.currentTarget.value || null })}
        >
          <option value="">{t('filterAllAreas')}</option>
          {indexAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {a[lang]}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filterTag')}
          value={filter.tag ?? ''}
          onChange={(e) => setFilter({ ...filter, tag: e.currentTarget.value || null })}
        >
          <option value="">{t('filterAllTags')}</option>
          {library.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      {library.loaded && library.practices.length === 0 && <Notice tone="info">{t('libraryEmpty')}</Notice>}
      {library.practices.length > 0 && shown.length === 0 && <Notice tone="info">{t('noResults')}</Notice>}
      {shown.length > 0 && <p class="count-line">{t('practiceCount', formatCount(shown.length))}</p>}
      <ul class="list" data-testid="practice-list">
        {shown.slice(0, limit).map((p) => {
          const highlights = library.highlights.get(p.id)?.length ?? 0;
          return (
            <li key={p.id}>
              <button type="button" class="row" onClick={() => onOpen(p.id)} data-practice-id={p.id}>
                <span class="title">{p.title}</span>
                <span class="sub">
                  {[
                    p.siteName,
                    formatDate(p.clippedAt),
                    authorName(p.createdBy),
                    highlights ? t('highlightCount', highlights) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {(p.areas.length > 0 || p.tags.length > 0) && (
                  <span class="chips">
                    {p.areas.map((id) => (
                      <span class="chip" key={id}>
                        {indexAreas.find((a) => a.id === id)?.[lang] ?? id}
                      </span>
                    ))}
                    {p.tags.map((tag) => (
                      <span class="chip" key={tag}>
                        #{tag}
                      </span>
                    ))}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {shown.length > limit && (
        <button type="button" class="link" onClick={() => setLimit(limit + pageRows)}>
          {t('showMore', Math.min(pageRows, shown.length - limit))}
        </button>
      )}
    </section>
  );
}
