import type { IndicatorValue } from '@saferhood/contracts';
import { buildLineChartOption, type LineChartOption } from '../../components/charts/line-chart-option';
import { formatNumber } from '../../lib/format';

/** One line of values over time: an indicator of a locality, or one place's values of an indicator. */
export interface ValueSeries {
  id: string;
  name: string;
  values: readonly IndicatorValue[];
}

/** One line per series, each point at its date. Pure, so a report can render the same chart. */
export function buildValueChartOption(series: readonly ValueSeries[], language: string): LineChartOption {
  return buildLineChartOption({
    series: series.map(({ name, values }) => ({ name, points: values.map((value) => [value.date, Number(value.value)]) })),
    xAxis: { type: 'time', formatLabel: (time) => new Intl.DateTimeFormat(language, { year: 'numeric' }).format(new Date(time)) },
    formatValue: (value) => formatNumber(value, language),
  });
}
