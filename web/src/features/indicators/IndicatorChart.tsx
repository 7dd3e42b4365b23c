import { useMemo } from 'react';
import { LazyChartView } from '../../components/charts/LazyChartView';
import { useTranslation } from 'react-i18next';
import { buildValueChartOption, type ValueSeries } from './indicator-chart-option';

const NONE: readonly string[] = [];

/** Values over the years, one line per series; IndicatorSeriesTable is its accessible alternative. */
interface IndicatorChartProps {
  series: readonly ValueSeries[];
  label: string;
  /** Series off at first; the reader can switch them on in the legend. */
  hiddenIds?: readonly string[];
}

export function IndicatorChart({ series, label, hiddenIds = NONE }: IndicatorChartProps) {
  const { i18n } = useTranslation();
  const option = useMemo(() => buildValueChartOption(series, i18n.language, hiddenIds), [series, i18n.language, hiddenIds]);
  return <LazyChartView option={option} label={label} height={340} />;
}
