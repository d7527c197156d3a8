// Contributions (/web/activity): what the city added by Index area, by contributor and by month over a
// chosen period, each as an accessible SVG chart and a table with the same numbers.
import type { Aggregates } from '../../../shared/api/library.ts';
import { indexAreaLabel } from '../../../shared/taxonomy/index.ts';
import { BarChart } from '../bar-chart.tsx';
import { formatDate, formatMonth, formatNumber } from '../i18n/index.ts';
import { renderPage } from '../layout.tsx';
import type { View } from '../view.ts';
import { PeriodForm } from './period-form.tsx';

function CountTable({
  view,
  caption,
  head,
  rows,
}: {
  view: View;
  caption: string;
  head: string;
  rows: { label: string; count: number; last?: string | null }[];
}) {
  const { t, lang } = view;
  const withLast = rows.some((r) => r.last !== undefined);
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" class="num">
            {t('countColumn')}
          </th>
          {withLast && <th scope="col">{t('lastAddedColumn')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <th scope="row">{r.label}</th>
            <td class="num">{formatNumber(r.count, lang)}</td>
            {withLast && <td>{r.last ? formatDate(r.last, lang) : t('never')}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function activityPage(
  view: View,
  data: { from: string; to: string; error: string | null; aggregates: Aggregates | null },
) {
  const { t, lang } = view;
  const a = data.aggregates;
  const areaRows =
    a?.byArea.map((x) => ({ label: indexAreaLabel(x.areaId, lang), count: x.count, last: x.lastAddedAt })) ??
    [];
  const contributorRows = a?.byContributor.map((x) => ({ label: x.name, count: x.count })) ?? [];
  const monthRows = a?.byMonth.map((x) => ({ label: formatMonth(x.month, lang), count: x.count })) ?? [];
  return renderPage(view, {
    title: t('activityTitle'),
    section: 'activity',
    children: (
      <>
        <h1>{t('activityTitle')}</h1>
        <p>{t('activityIntro')}</p>
        <PeriodForm view={view} action="/web/activity" from={data.from} to={data.to} submit={t('show')} />
        {data.error && (
          <p class="notice error" role="alert">
            {t('badFilter', { message: data.error })}
          </p>
        )}
        {a && (
          <>
            <p role="status">
              <strong>{t('totalPractices', { count: formatNumber(a.total, lang) })}</strong>
            </p>
            <section aria-labelledby="by-area">
              <h2 id="by-area">{t('byArea')}</h2>
              <BarChart
                id="chart-area"
                title={t('byArea')}
                desc={t('chartByAreaDesc')}
                bars={areaRows.map((r) => ({ label: r.label, value: r.count }))}
              />
              <CountTable view={view} caption={t('byArea')} head={t('areaColumn')} rows={areaRows} />
            </section>
            <section aria-labelledby="by-contributor">
              <h2 id="by-contributor">{t('byContributor')}</h2>
              {contributorRows.length ? (
                <>
                  <BarChart
                    id="chart-contributor"
                    title={t('byContributor')}
                    desc={t('chartByContributorDesc')}
                    bars={contributorRows.map((r) => ({ label: r.label, value: r.count }))}
                  />
                  <CountTable
                    view={view}
                    caption={t('byContributor')}
                    head={t('contributorColumn')}
                    rows={contributorRows}
                  />
                </>
              ) : (
                <p class="muted">{t('noData')}</p>
              )}
            </section>
            <section aria-labelledby="by-month">
              <h2 id="by-month">{t('byMonth')}</h2>
              {monthRows.length ? (
                <>
                  <BarChart
                    id="chart-month"
                    title={t('byMonth')}
                    desc={t('chartByMonthDesc')}
                    bars={monthRows.map((r) => ({ label: r.label, value: r.count }))}
                  />
                  <CountTable view={view} caption={t('byMonth')} head={t('monthColumn')} rows={monthRows} />
                </>
              ) : (
                <p class="muted">{t('noData')}</p>
              )}
            </section>
          </>
        )}
      </>
    ),
  });
}
