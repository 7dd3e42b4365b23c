import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ChartViewProps } from './ChartView';

// ECharts is loaded with the first chart on screen, not with the app.
const ChartView = lazy(() => import('./ChartView').then((module) => ({ default: module.ChartView })));

export function LazyChartView(props: ChartViewProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 320} radius="md" aria-hidden="true" />}>
      <ChartView {...props} />
    </Suspense>
  );
}
