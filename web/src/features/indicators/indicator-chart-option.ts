import type { IndicatorValue } from '@saferhood/contracts';
import { buildLineChartOption, type LineChartOption } from '../../components/charts/line-chart-option';
import { formatNumber } from '../../lib/format';

/** One line of values over time: an indicator of a locality, or one place's values of an indicator. */
export interface ValueSeries {
  id: string;
  name: string;
  values: readonly IndicatorValue[];
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** One line per series, each point at its date. Pure, so a report can render the same chart. */
export function buildValueChartOption(series: readonly ValueSeries[], language: string): LineChartOption {
  const times = series.flatMap(({ values }) => values.map((value) => Date.parse(value.date)));
  // Yearly figures get yearly ticks labelled with the year; a shorter span gets dated ticks.
  const isYearly = times.length > 0 && Math.max(...times) - Math.min(...times) >= 2 * YEAR_MS;
  const format = new Intl.DateTimeFormat(language, isYearly ? { year: 'numeric' } : { dateStyle: 'short' });
  return buildLineChartOption({
    series: series.map(({ name, values }) => ({ name, points: values.map((value) => [value.date, Number(value.value)]) })),
    xAxis: { type: 'time', minInterval: isYearly ? YEAR_MS : undefined, formatLabel: (time) => format.format(new Date(time)) },
    formatValue: (value) => formatNumber(value, language),
  });
}
