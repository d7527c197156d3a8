// The library page (/web): a search box and filters in one GET form (every view has a shareable address and
// works without script), the result count, the results with their matches marked, pagination, and export
// links for the current filtered view. A bad filter is said in words, with the form kept as typed.
import type { SearchResult } from '../../../shared/api/library.ts';
import { indexAreaLabel, indexAreasByGroup } from '../../../shared/taxonomy/index.ts';
import { formatDate, formatNumber } from '../i18n/index.ts';
import { renderPage } from '../layout.tsx';
import { Marked } from '../marks.tsx';
import { withParams } from '../query-string.ts';
import type { View } from '../view.ts';

export interface LibraryPageData {
  params: URLSearchParams;
  result: SearchResult | null;
  error: string | null;
  contributors: { id: string; name: string }[];
  canExportContacts: boolean;
}

export function FilterForm({
  view,
  params,
  contributors,
  action,
  searchLabel,
}: {
  view: View;
  params: URLSearchParams;
  contributors?: { id: string; name: string }[];
  action: string;
  searchLabel: string;
}) {
  const { t, lang } = view;
  const v = (k: string) => params.getAll(k).join(', ');
  const one = (k: string) => params.get(k) ?? '';
  return (
    <form method="get" action={action}>
      <div class="search">
        <div class="q">
          <label for="q">{searchLabel}</label>
          <input id="q" name="q" type="search" value={one('q')} />
        </div>
        <button type="submit">{t('searchButton')}</button>
      </div>
      <fieldset>
        <legend>{t('filters')}</legend>
        <div class="grid">
          <div>
            <label for="f-area">{t('filterArea')}</label>
            <select id="f-area" name="areas">
              <option value="">{t('anyOption')}</option>
              {indexAreasByGroup().map((g) => (
                <optgroup key={g.group} label={t(`areaGroup_${g.group}`)}>
                  {g.areas.map((a) => (
                    <option key={a.id} value={a.id} selected={params.getAll('areas').includes(a.id)}>
                      {indexAreaLabel(a.id, lang)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div>
            <label for="f-tag">{t('filterTag')}</label>
            <input id="f-tag" name="tags" type="text" value={v('tags')} />
          </div>
          {contributors && (
            <div>
              <label for="f-contributor">{t('filterContributor')}</label>
              <select id="f-contributor" name="contributors">
                <option value="">{t('anyOption')}</option>
                {contributors.map((m) => (
                  <option key={m.id} value={m.id} selected={params.getAll('contributors').includes(m.id)}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label for="f-from">{t('filterFrom')}</label>
            <input id="f-from" name="from" type="date" value={one('from')} />
          </div>
          <div>
            <label for="f-to">{t('filterTo')}</label>
            <input id="f-to" name="to" type="date" value={one('to')} />
          </div>
          <div>
            <label for="f-lang">{t('filterLang')}</label>
            <input id="f-lang" name="lang" type="text" value={one('lang')} placeholder="fr, en, it…" />
          </div>
          {contributors && (
            <div>
              <label for="f-visibility">{t('filterVisibility')}</label>
              <select id="f-visibility" name="visibility">
                <option value="">{t('anyOption')}</option>
                <option value="city" selected={one('visibility') === 'city'}>
                  {t('visibilityCity')}
                </option>
                <option value="network" selected={one('visibility') === 'network'}>
                  {t('visibilityNetwork')}
                </option>
              </select>
            </div>
          )}
          <div>
            <label for="f-sort">{t('filterSort')}</label>
            <select id="f-sort" name="sort">
              <option value="">{t('sortRelevance')}</option>
              <option value="newest" selected={one('sort') === 'newest'}>
                {t('sortNewest')}
              </option>
              <option value="oldest" selected={one('sort') === 'oldest'}>
                {t('sortOldest')}
              </option>
            </select>
          </div>
        </div>
        <div class="actions">
          <button type="submit">{t('applyFilters')}</button>
          <a href={action}>{t('clearFilters')}</a>
        </div>
      </fieldset>
    </form>
  );
}

export interface HitLike {
  id: string;
  title: string;
  url: string;
  siteName: string | null;
  excerpt: string;
  areas: string[];
  tags: string[];
  clippedAt: string;
  createdByName: string | null;
  titleMarks: { text: string; match: boolean }[];
  excerptMarks: { text: string; match: boolean }[];
  cityName?: string;
}

export function Results({
  view,
  items,
  linkToPractice,
}: {
  view: View;
  items: HitLike[];
  linkToPractice: boolean;
}) {
  const { t, lang } = view;
  return (
    <ul class="results">
      {items.map((p) => (
        <li key={p.id}>
          <h2>
            {linkToPractice ? (
              <a href={`/web/practices/${encodeURIComponent(p.id)}`}>
                <Marked segments={p.titleMarks} fallback={p.title} />
              </a>
            ) : (
              <Marked segments={p.titleMarks} fallback={p.title} />
            )}
          </h2>
          <p class="meta">
            {p.cityName ? `${t('sharedBy', { city: p.cityName })} · ` : ''}
            {p.siteName ? `${p.siteName} · ` : ''}
            {t('clippedBy', { name: p.createdByName ?? '?', date: formatDate(p.clippedAt, lang) })}
            {!linkToPractice && /^https?:/i.test(p.url) && (
              <>
                {' · '}
                <a href={p.url} rel="noopener noreferrer">
                  {t('sourceLink')}
                </a>
              </>
            )}
          </p>
          {p.excerpt && (
            <p>
              <Marked segments={p.excerptMarks} fallback={p.excerpt} />
            </p>
          )}
          {(p.areas.length > 0 || p.tags.length > 0) && (
            <ul class="chips" aria-label={`${t('areas')}, ${t('tags')}`}>
              {p.areas.map((a) => (
                <li key={`a-${a}`}>{indexAreaLabel(a, lang)}</li>
              ))}
              {p.tags.map((tag) => (
                <li key={`t-${tag}`}>#{tag}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

export function Pagination({
  view,
  path,
  params,
  result,
}: {
  view: View;
  path: string;
  params: URLSearchParams;
  result: { total: number; page: number; pageSize: number };
}) {
  const { t } = view;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  if (pages <= 1) return null;
  const link = (page: number) => withParams(path, params, { page: page === 1 ? null : String(page) });
  return (
    <nav class="pages" aria-label={t('pagination')}>
      <ul>
        <li>
          {result.page > 1 && (
            <a href={link(result.page - 1)} rel="prev">
              {t('previousPage')}
            </a>
          )}
        </li>
        <li aria-current="page">{t('pageOf', { page: result.page, pages })}</li>
        <li>
          {result.page < pages && (
            <a href={link(result.page + 1)} rel="next">
              {t('nextPage')}
            </a>
          )}
        </li>
      </ul>
    </nav>
  );
}

export function ResultCount({
  view,
  result,
}: {
  view: View;
  result: { total: number; page: number; pageSize: number; items: unknown[] };
}) {
  const { t, lang } = view;
  const first = (result.page - 1) * result.pageSize + 1;
  return (
    <p role="status">
      <strong>
        {result.total === 1
          ? t('resultCountOne')
          : t('resultCount', { count: formatNumber(result.total, lang) })}
      </strong>
      {result.total > result.items.length && result.items.length > 0 && (
        <span class="muted">
          {' · '}
          {t('resultRange', {
            from: formatNumber(first, lang),
            to: formatNumber(first + result.items.length - 1, lang),
          })}
        </span>
      )}
    </p>
  );
}

export function libraryPage(view: View, data: LibraryPageData) {
  const { t } = view;
  const { params, result, error } = data;
  const filters = new URLSearchParams(params);
  filters.delete('page');
  filters.delete('pageSize');
  const exportHref = (format: string) =>
    withParams('/web/export/practices', filters, { format, locale: view.lang });
  const filtered = [...filters.keys()].length > 0;
  return renderPage(view, {
    title: t('navLibrary'),
    section: 'library',
    children: (
      <>
        <h1>{t('dashboard')}</h1>
        <FilterForm
          view={view}
          params={params}
          contributors={data.contributors}
          action="/web"
          searchLabel={t('searchLabel')}
        />
        {error && (
          <p class="notice error" role="alert">
            {t('badFilter', { message: error })}
          </p>
        )}
        {result && (
          <>
            <div class="summaryline">
              <ResultCount view={view} result={result} />
              <p class="noprint">
                {t('exportView')}: <a href={exportHref('csv')}>{t('exportCsv')}</a> ·{' '}
                <a href={exportHref('json')}>{t('exportJson')}</a> ·{' '}
                <a href={exportHref('markdown')}>{t('exportMarkdown')}</a>
                {data.canExportContacts && (
                  <>
                    {' · '}
                    {t('exportContacts')}: <a href="/web/export/contacts?format=vcard">{t('exportVcard')}</a>{' '}
                    · <a href="/web/export/contacts?format=csv">{t('exportCsv')}</a>
                  </>
                )}
              </p>
            </div>
            {result.total === 0 ? (
              <p class="notice">{filtered ? t('noResults') : t('emptyLibrary')}</p>
            ) : (
              <Results view={view} items={result.items} linkToPractice />
            )}
            <Pagination view={view} path="/web" params={params} result={result} />
          </>
        )}
      </>
    ),
  });
}
