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

/**
 * One line per series, each point at its date. Pure, so a report can render the same chart.
 * `hiddenIds`: series in the legend but off at first (the whole city would flatten the localities).
 */
export function buildValueChartOption(series: readonly ValueSeries[], language: string, hiddenIds: readonly string[] = []): LineChartOption {
  const times = series.flatMap(({ values }) => values.map((value) => Date.parse(value.date)));
  // Yearly figures get yearly ticks labelled with the year; a shorter span gets dated ticks.
  const isYearly = times.length > 0 && Math.max(...times) - Math.min(...times) >= 2 * YEAR_MS;
  const format = new Intl.DateTimeFormat(language, isYearly ? { year: 'numeric' } : { dateStyle: 'short' });
  return buildLineChartOption({
    series: series.map(({ name, values }) => ({ name, points: values.map((value) => [value.date, Number(value.value)]) })),
    xAxis: { type: 'time', minInterval: isYearly ? YEAR_MS : undefined, formatLabel: (time) => format.format(new Date(time)) },
    formatValue: (value) => formatNumber(value, language),
    hiddenSeries: series.filter(({ id }) => hiddenIds.includes(id)).map(({ name }) => name),
  });
}

/** Whether one series dwarfs the others (more than five times their largest value). */
export function isDwarfing(series: ValueSeries, others: readonly ValueSeries[]): boolean {
  const largest = (line: ValueSeries) => Math.max(0, ...line.values.map((value) => Number(value.value)));
  const othersLargest = Math.max(0, ...others.map(largest));
  return others.length > 0 && othersLargest > 0 && largest(series) > 5 * othersLargest;
}
