// A practice's page (/web/practices/:id): title, source, site, byline and dates, Index areas, tags, note,
// its summary in other languages with provenance, the readable content as safe HTML, highlights, the
// snippets translated from it, and the linked stakeholders (contact details hidden for viewers when the
// city says so).
import type { Translation } from '../../../shared/schemas/snippet.ts';
import { indexAreaLabel } from '../../../shared/taxonomy/index.ts';
import type { PracticeDetail } from '../../library/practice-detail.ts';
import { formatDate, type UiLang } from '../i18n/index.ts';
import { renderPage } from '../layout.tsx';
import { Markdown } from '../markdown.tsx';
import type { View } from '../view.ts';

const languageName = (code: string, ui: UiLang) => {
  try {
    return new Intl.DisplayNames([ui], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

function Provenance({ view, tr }: { view: View; tr: Translation }) {
  const { t, lang } = view;
  if (tr.status === 'reviewed')
    return (
      <span class="meta">
        {tr.reviewedAt
          ? t('provenanceReviewed', {
              who: tr.reviewedBy ?? '?',
              date: formatDate(tr.reviewedAt, lang),
              engine: tr.engine,
            })
          : t('provenanceReviewedNoDate', { engine: tr.engine })}
      </span>
    );
  return <span class="meta">{t('provenanceMachine', { engine: tr.engine })}</span>;
}

export function practicePage(view: View, detail: PracticeDetail) {
  const { t, lang } = view;
  const p = detail.practice;
  const summaries: Translation[] = (p as { summaries?: Translation[] }).summaries ?? [];
  const hidden = detail.stakeholders.some((s) => s.redacted && s.redacted.length > 0);
  return renderPage(view, {
    title: p.title,
    section: 'library',
    children: (
      <article>
        <p class="noprint">
          <a href="/web">{t('backToLibrary')}</a>
        </p>
        <h1 lang={p.lang ?? undefined} dir={p.dir ?? undefined}>
          {p.title}
        </h1>
        <dl class="facts">
          <dt>{t('sourceLink')}</dt>
          <dd>
            {/^https?:/i.test(p.url) ? (
              <a href={p.url} rel="noopener noreferrer">
                {p.url}
              </a>
            ) : (
              p.url
            )}
          </dd>
          {p.siteName && (
            <>
              <dt>{t('site')}</dt>
              <dd>{p.siteName}</dd>
            </>
          )}
          {p.byline && (
            <>
              <dt>{t('byline')}</dt>
              <dd>{p.byline}</dd>
            </>
          )}
          {p.publishedTime && (
            <>
              <dt>{t('published')}</dt>
              <dd>{formatDate(p.publishedTime, lang)}</dd>
            </>
          )}
          <dt>{t('clippedOn')}</dt>
          <dd>
            {t('clippedBy', { name: detail.createdByName ?? '?', date: formatDate(p.clippedAt, lang) })}
          </dd>
          {p.lang && (
            <>
              <dt>{t('language')}</dt>
              <dd>{languageName(p.lang, lang)}</dd>
            </>
          )}
          <dt>{t('visibility')}</dt>
          <dd>{p.visibility === 'network' ? t('visibilityNetwork') : t('visibilityCity')}</dd>
          <dt>{t('areas')}</dt>
          <dd>
            {p.areas.length ? (
              <ul class="chips">
                {p.areas.map((a) => (
                  <li key={a}>
                    <a href={`/web?areas=${encodeURIComponent(a)}`}>{indexAreaLabel(a, lang)}</a>
                  </li>
                ))}
              </ul>
            ) : (
              '—'
            )}
          </dd>
          <dt>{t('tags')}</dt>
          <dd>
            {p.tags.length ? (
              <ul class="chips">
                {p.tags.map((tag) => (
                  <li key={tag}>
                    <a href={`/web?tags=${encodeURIComponent(tag)}`}>#{tag}</a>
                  </li>
                ))}
              </ul>
            ) : (
              '—'
            )}
          </dd>
        </dl>
        {p.excerpt && (
          <section>
            <h2>{t('summary')}</h2>
            <p lang={p.lang ?? undefined}>{p.excerpt}</p>
          </section>
        )}
        {summaries.length > 0 && (
          <section>
            <h2>{t('summaries')}</h2>
            {summaries.map((s) => (
              <div key={s.lang}>
                <h3>{languageName(s.lang, lang)}</h3>
                <p lang={s.lang}>{s.text}</p>
                <p>
                  <Provenance view={view} tr={s} />
                </p>
              </div>
            ))}
          </section>
        )}
        {p.note && (
          <section>
            <h2>{t('note')}</h2>
            <p class="content">{p.note}</p>
          </section>
        )}
        <section>
          <h2>{t('highlights')}</h2>
          {detail.highlights.length ? (
            detail.highlights.map((h) => (
              <blockquote key={h.id} lang={p.lang ?? undefined}>
                <p>{h.quote.exact}</p>
                {h.note && <p class="meta">{t('highlightNote', { note: h.note })}</p>}
              </blockquote>
            ))
          ) : (
            <p class="muted">{t('noHighlights')}</p>
          )}
        </section>
        <section>
          <h2>{t('snippets')}</h2>
          {detail.snippets.length ? (
            detail.snippets.map((s) => (
              <div key={s.id}>
                <blockquote lang={s.sourceLang}>
                  <p>{s.sourceText}</p>
                </blockquote>
                <ul>
                  {s.translations.map((tr) => (
                    <li key={tr.lang}>
                      <strong>{languageName(tr.lang, lang)}</strong>: <span lang={tr.lang}>{tr.text}</span>{' '}
                      <Provenance view={view} tr={tr} />
                    </li>
                  ))}
                </ul>
              </div>
            ))
          ) : (
            <p class="muted">{t('noSnippets')}</p>
          )}
        </section>
        <section>
          <h2>{t('stakeholders')}</h2>
          {hidden && <p class="notice">{t('contactsHidden')}</p>}
          {detail.stakeholders.length ? (
            <ul>
              {detail.stakeholders.map((s) => (
                <li key={s.id}>
                  <strong>{s.name}</strong>
                  {[s.role, s.department, s.organisation].filter(Boolean).length > 0 &&
                    ` — ${[s.role, s.department, s.organisation].filter(Boolean).join(', ')}`}
                  {s.emails.length > 0 && (
                    <>
                      {' · '}
                      {s.emails.map((e, i) => (
                        <span key={e}>
                          {i > 0 && ', '}
                          <a href={`mailto:${e}`}>{e}</a>
                        </span>
                      ))}
                    </>
                  )}
                  {s.phones.length > 0 && ` · ${s.phones.join(', ')}`}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('noStakeholders')}</p>
          )}
        </section>
        <section>
          <h2>{t('content')}</h2>
          {p.contentMarkdown.trim() ? (
            <div lang={p.lang ?? undefined} dir={p.dir ?? undefined}>
              <Markdown source={p.contentMarkdown} truncatedNote={t('contentTruncated')} />
            </div>
          ) : (
            <p class="muted">{t('noContent')}</p>
          )}
        </section>
      </article>
    ),
  });
}
