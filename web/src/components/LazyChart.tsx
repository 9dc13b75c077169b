import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { ChartOption } from './EChart';

const EChart = lazy(() => import('./EChart'));

/** An ECharts chart, its code loaded with the first chart drawn (a skeleton until then). */
export function LazyChart({ option, height = 280, testId }: { option: ChartOption; height?: number; testId?: string }) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
      <EChart option={option} height={height} testId={testId} />
    </Suspense>
  );
}
