// The Index coverage view (/web/coverage): all 18 ICC Index areas with how much evidence each has and when it
// was last added, the areas with none listed plainly, as an accessible SVG chart and the same numbers as a
// table — what the coordinator needs for the ICC Index questionnaire.
import type { Coverage } from '../../../shared/api/library.ts';
import { indexAreaLabel } from '../../../shared/taxonomy/index.ts';
import { BarChart } from '../bar-chart.tsx';
import { formatDate, formatNumber } from '../i18n/index.ts';
import { renderPage } from '../layout.tsx';
import type { View } from '../view.ts';

export function coveragePage(view: View, coverage: Coverage) {
  const { t, lang } = view;
  return renderPage(view, {
    title: t('coverageTitle'),
    section: 'coverage',
    children: (
      <>
        <h1>{t('coverageTitle')}</h1>
        <p>{t('coverageIntro')}</p>
        <section aria-labelledby="missing-h">
          <h2 id="missing-h">{t('missingTitle')}</h2>
          {coverage.missing.length === 0 ? (
            <p>{t('missingNone')}</p>
          ) : (
            <>
              <p>{t('missingCount', { count: coverage.missing.length })}</p>
              <ul class="missing">
                {coverage.missing.map((a) => (
                  <li key={a}>{indexAreaLabel(a, lang)}</li>
                ))}
              </ul>
            </>
          )}
        </section>
        <h2>{t('coverageChartTitle')}</h2>
        <BarChart
          id="coverage-chart"
          title={t('coverageChartTitle')}
          desc={t('coverageChartDesc')}
          bars={coverage.areas.map((a) => ({ label: indexAreaLabel(a.areaId, lang), value: a.count }))}
        />
        <table>
          <caption>{t('coverageChartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('areaColumn')}</th>
              <th scope="col" class="num">
                {t('countColumn')}
              </th>
              <th scope="col">{t('lastAddedColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.areas.map((a) => (
              <tr key={a.areaId} class={a.count === 0 ? 'missing' : undefined}>
                <th scope="row">
                  <a href={`/web?areas=${encodeURIComponent(a.areaId)}`}>{indexAreaLabel(a.areaId, lang)}</a>
                </th>
                <td class="num">{formatNumber(a.count, lang)}</td>
                <td>{a.lastAddedAt ? formatDate(a.lastAddedAt, lang) : t('never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    ),
  });
}
