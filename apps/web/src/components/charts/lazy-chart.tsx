// Pages import this, not chart.tsx: chart.js is fetched the first time a chart is drawn, so pages
// without charts (and the Overview's first paint) never wait for it.
import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ChartProps } from './chart.tsx';

const Chart = lazy(() => import('./chart.tsx'));

export type { ChartDataset, ChartKind, ChartProps } from './chart.tsx';

export function LazyChart(props: ChartProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 260} radius="sm" />}>
      <Chart {...props} />
    </Suspense>
  );
}
