import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { init } from './echarts-core';
import type { LineChartOption } from './line-chart-option';

export interface ChartViewProps {
  option: LineChartOption;
  /** What the chart shows, for screen readers; the data table beside it carries the numbers. */
  label: string;
  height?: number;
}

/** An ECharts chart that follows its box's width. Load it through LazyChartView. */
export function ChartView({ option, label, height = 320 }: ChartViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <Box ref={container} role="img" aria-label={label} h={height} w="100%" />;
}
