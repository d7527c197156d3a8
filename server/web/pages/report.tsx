// The period report (/web/report?from&to&lang) as a printable page, with a "Download Markdown" link. The
// report's own language (for the programme or political leaders) is chosen apart from the interface's; the
// report's labels come from shared/report/period-report.ts, as in its Markdown.
import { type ReportData, type ReportLang, reportLabels } from '../../../shared/report/period-report.ts';
import { indexAreaLabel } from '../../../shared/taxonomy/index.ts';
import { formatDate, formatNumber } from '../i18n/index.ts';
import { renderPage } from '../layout.tsx';
import { withParams } from '../query-string.ts';
import type { View } from '../view.ts';
import { PeriodForm } from './period-form.tsx';

function Report({ data, lang }: { data: ReportData; lang: ReportLang }) {
  const r = reportLabels[lang];
  const withPractices = data.newPractices.byArea.filter((a) => a.count > 0);
  return (
    <article class="report" lang={lang}>
      <h2>{r.title(data.city.name)}</h2>
      <p>{r.period(formatDate(data.from, lang), formatDate(data.to, lang))}</p>
      <section>
        <h3>{r.summary}</h3>
        <ul>
          <li>
            {r.newPractices}: <strong>{formatNumber(data.newPractices.total, lang)}</strong>
          </li>
          <li>
            {r.stakeholdersCreated}: <strong>{formatNumber(data.stakeholders.created, lang)}</strong>
          </li>
          <li>
            {r.stakeholdersLinked}: <strong>{formatNumber(data.stakeholders.linked, lang)}</strong>
          </li>
          <li>
            {r.translationsReviewed}: <strong>{formatNumber(data.translationsReviewed, lang)}</strong>
          </li>
        </ul>
      </section>
      <section>
        <h3>{r.byArea}</h3>
        {withPractices.length === 0 ? (
          <p>{r.noneNew}</p>
        ) : (
          <CountTable
            head={r.area}
            count={r.count}
            lang={lang}
            rows={withPractices.map((a) => ({
              key: a.areaId,
              label: indexAreaLabel(a.areaId, lang),
              n: a.count,
            }))}
          />
        )}
      </section>
      <section>
        <h3>{r.without}</h3>
        {data.areasWithoutEvidence.length === 0 ? (
          <p>{r.allCovered}</p>
        ) : (
          <ul class="missing">
            {data.areasWithoutEvidence.map((id) => (
              <li key={id}>{indexAreaLabel(id, lang)}</li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>{r.contributors}</h3>
        {data.contributors.length === 0 ? (
          <p>{r.noContributors}</p>
        ) : (
          <CountTable
            head={r.name}
            count={r.count}
            lang={lang}
            rows={data.contributors.map((c) => ({ key: c.memberId, label: c.name, n: c.count }))}
          />
        )}
      </section>
      <p class="meta">{r.generated(formatDate(data.generatedAt, lang))}</p>
    </article>
  );
}

/** A two-column table of the report: what (a row header) and how many. */
function CountTable(props: {
  head: string;
  count: string;
  lang: ReportLang;
  rows: { key: string; label: string; n: number }[];
}) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          <th scope="col" class="num">
            {props.count}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td class="num">{formatNumber(row.n, props.lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function reportPage(
  view: View,
  data: { from: string; to: string; reportLang: ReportLang; error: string | null; report: ReportData | null },
) {
  const { t } = view;
  const params = new URLSearchParams({ from: data.from, to: data.to, lang: data.reportLang });
  return renderPage(view, {
    title: t('reportTitle'),
    section: 'report',
    children: (
      <>
        <h1 class="noprint">{t('reportTitle')}</h1>
        <p class="noprint">{t('reportIntro')}</p>
        <PeriodForm view={view} action="/web/report" from={data.from} to={data.to} submit={t('makeReport')}>
          <div>
            <label for="r-lang">{t('reportLang')}</label>
            <select id="r-lang" name="lang">
              <option value="en" selected={data.reportLang === 'en'}>
                {t('langEnglish')}
              </option>
              <option value="fr" selected={data.reportLang === 'fr'}>
                {t('langFrench')}
              </option>
            </select>
          </div>
        </PeriodForm>
        {data.error && (
          <p class="notice error" role="alert">
            {t('badFilter', { message: data.error })}
          </p>
        )}
        {data.report && (
          <>
            <p class="noprint actions">
              <a class="button" href={withParams('/web/report.md', params, {})}>
                {t('downloadMarkdown')}
              </a>
              <span class="muted">{t('printHint')}</span>
            </p>
            <Report data={data.report} lang={data.reportLang} />
          </>
        )}
      </>
    ),
  });
}
