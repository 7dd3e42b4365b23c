import { useMemo } from 'react';
import { LazyChartView } from '../../components/charts/LazyChartView';
import { useTranslation } from 'react-i18next';
import { buildValueChartOption, type ValueSeries } from './indicator-chart-option';

/** Values over the years, one line per series; IndicatorSeriesTable is its accessible alternative. */
export function IndicatorChart({ series, label }: { series: readonly ValueSeries[]; label: string }) {
  const { i18n } = useTranslation();
  const option = useMemo(() => buildValueChartOption(series, i18n.language), [series, i18n.language]);
  return <LazyChartView option={option} label={label} height={340} />;
}
