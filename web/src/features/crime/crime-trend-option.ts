import { buildLineChartOption, type LineChartOption } from '../../components/charts/line-chart-option';
import { formatNumber } from '../../lib/format';

export interface TrendLine {
  name: string;
  /** Count per month, in the order of `months`. */
  counts: readonly number[];
}

/** Offences month by month: one line for all of them and one per class. Pure, so reports can reuse it. */
export function buildCrimeTrendOption(monthLabels: readonly string[], lines: readonly TrendLine[], language: string): LineChartOption {
  return buildLineChartOption({
    series: lines.map((line) => ({ name: line.name, points: line.counts.map((count, index) => [monthLabels[index]!, count]) })),
    xAxis: { type: 'category', categories: monthLabels },
    formatValue: (value) => formatNumber(value, language, 0),
  });
}
