// The national network (/web/network), for network coordinators: the member cities side by side (all their
// practices counted, the shared ones, and the Index areas they cover) as a chart and a table, and a search of
// the practices they shared with the network. Never a contact or an unshared practice's content.
import type { NetworkOverview, NetworkSearchResult } from '../../../shared/api/library.ts';
import { taxonomy } from '../../../shared/taxonomy/index.ts';
import { BarChart } from '../bar-chart.tsx';
import { formatNumber } from '../i18n/index.ts';
import { renderPage } from '../layout.tsx';
import type { View } from '../view.ts';
import { FilterForm, Pagination, ResultCount, Results } from './library.tsx';

export function networkName(networkId: string): string {
  return taxonomy.nationalNetworks.find((n) => n.id === networkId)?.name ?? networkId;
}

export function networkPage(
  view: View,
  data: {
    overview: NetworkOverview;
    params: URLSearchParams;
    result: NetworkSearchResult | null;
    error: string | null;
  },
) {
  const { t, lang } = view;
  const { overview, result } = data;
  return renderPage(view, {
    title: t('networkTitle'),
    section: 'network',
    children: (
      <>
        <h1>{t('networkTitle')}</h1>
        <p>{t('networkIntro', { network: networkName(overview.networkId) })}</p>
        <BarChart
          id="chart-cities"
          title={t('citiesChartTitle')}
          desc={t('citiesChartDesc')}
          bars={overview.cities.map((c) => ({ label: c.name, value: c.shared }))}
        />
        <table>
          <caption>{t('citiesChartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cityColumn')}</th>
              <th scope="col" class="num">
                {t('countColumn')}
              </th>
              <th scope="col" class="num">
                {t('sharedPractices')}
              </th>
              <th scope="col" class="num">
                {t('areasCovered')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.cities.map((c) => (
              <tr key={c.cityId}>
                <th scope="row">{c.name}</th>
                <td class="num">{formatNumber(c.total, lang)}</td>
                <td class="num">{formatNumber(c.shared, lang)}</td>
                <td class="num">{`${c.byArea.filter((a) => a.count > 0).length} / 18`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('sharedPractices')}</h2>
        <FilterForm view={view} params={data.params} action="/web/network" searchLabel={t('searchShared')} />
        {data.error && (
          <p class="notice error" role="alert">
            {t('badFilter', { message: data.error })}
          </p>
        )}
        {result && (
          <>
            <ResultCount view={view} result={result} />
            {result.total === 0 ? (
              <p class="notice">{t('noResults')}</p>
            ) : (
              <Results view={view} items={result.items} linkToPractice={false} />
            )}
            <Pagination view={view} path="/web/network" params={data.params} result={result} />
          </>
        )}
      </>
    ),
  });
}
