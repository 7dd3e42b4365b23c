import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** A chart option our line charts accept. Type-only imports: building one loads no ECharts code. */
export type LineChartOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Distinct at a glance and at least 3:1 against white (WCAG 1.4.11). */
export const CHART_COLORS = ['#1864ab', '#c2410c', '#237032', '#6d28d9', '#a61e4d', '#0b7285', '#5f3dc4', '#862e9c'];

export interface LineSeries {
  name: string;
  /** [x, y]: x is an ISO date on a time axis, or a category's label. */
  points: [string, number][];
}

interface LineChartSpec {
  series: readonly LineSeries[];
  /** A time axis (points at their dates) or categories in the given order (months, say). */
  xAxis:
    | { type: 'time'; formatLabel: (value: number) => string; /** The shortest gap between ticks, in ms. */ minInterval?: number }
    | { type: 'category'; categories: readonly string[] };
  formatValue: (value: number) => string;
  /** Series listed in the legend but switched off at first (the reader can switch them on). */
  hiddenSeries?: readonly string[];
}

// A real font list, not "inherit": ECharts measures legend text with it, and "inherit" measures wrong.
const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const AXIS_LABEL = { color: '#343a40', fontSize: 12, fontWeight: 'normal', hideOverlap: true } as const;

/** Lines with markers, a legend above the plot and a tooltip; no animation, so it is there at once. */
export function buildLineChartOption({ series, xAxis, formatValue, hiddenSeries = [] }: LineChartSpec): LineChartOption {
  return {
    animation: false,
    color: CHART_COLORS,
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: {
      type: 'scroll',
      top: 0,
      left: 0,
      right: 0,
      textStyle: { color: '#343a40' },
      pageTextStyle: { color: '#343a40' },
      selected: Object.fromEntries(hiddenSeries.map((name) => [name, false])),
    },
    tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? formatValue(value) : String(value ?? '')) },
    xAxis:
      xAxis.type === 'time'
        ? { type: 'time', minInterval: xAxis.minInterval, axisLabel: { ...AXIS_LABEL, formatter: (value: number) => xAxis.formatLabel(value) } }
        : { type: 'category', data: [...xAxis.categories], axisLabel: AXIS_LABEL },
    yAxis: { type: 'value', axisLabel: { ...AXIS_LABEL, formatter: (value: number) => formatValue(value) } },
    series: series.map((line) => ({
      type: 'line',
      name: line.name,
      data: line.points,
      symbolSize: 7,
      lineStyle: { width: 2 },
      emphasis: { focus: 'series' },
    })),
  };
}
