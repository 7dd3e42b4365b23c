export { IndicatorListPage } from './IndicatorListPage';
export { IndicatorChart } from './IndicatorChart';
export { IndicatorSeriesTable } from './IndicatorSeriesTable';
export { IndicatorValueForm } from './IndicatorValueForm';
export { listLocalitySeries, localitySeriesQueryKey, listIndicators, INDICATORS_QUERY_KEY } from './api';
export type { ValueSeries } from './indicator-chart-option';
