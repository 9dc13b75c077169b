import { lazy, Suspense, useMemo } from 'react';
import { Skeleton, theme } from 'antd';
import type { BarOption } from './EChart';
import { useI18n } from '../i18n';

const EChart = lazy(() => import('./EChart'));

export interface GmvSplitValues {
  baseGmv: number;
  dayGmv: number;
  gmvChange: number;
  trafficShare: number;
  conversionShare: number;
  aovShare: number;
}

/** The change of paid amount as a waterfall: base → traffic → conversion → AOV → the day. */
export function GmvSplitChart({ split, baseLabel }: { split: GmvSplitValues; baseLabel: string }) {
  const i18n = useI18n();
  const { token } = theme.useToken();

  const option = useMemo<BarOption>(() => {
    const steps = [
      { name: i18n.t('traffic'), delta: split.gmvChange * split.trafficShare },
      { name: i18n.t('conversion'), delta: split.gmvChange * split.conversionShare },
      { name: i18n.t('aov'), delta: split.gmvChange * split.aovShare },
    ];
    const names = [baseLabel, ...steps.map((s) => s.name), i18n.t('dayGmv')];
    const helper: number[] = [0];
    const visible: { value: number; itemStyle: { color: string }; delta: number }[] = [
      { value: split.baseGmv, itemStyle: { color: token.colorPrimary }, delta: split.baseGmv },
    ];
    let running = split.baseGmv;
    for (const s of steps) {
      const next = running + s.delta;
      helper.push(Math.min(running, next));
      visible.push({
        value: Math.abs(s.delta),
        itemStyle: { color: s.delta >= 0 ? token.colorSuccess : token.colorError },
        delta: s.delta,
      });
      running = next;
    }
    helper.push(0);
    const levels = [split.baseGmv, split.dayGmv, ...helper.slice(1, -1)];
    const low = Math.min(...levels);
    const high = Math.max(...levels, split.baseGmv, split.dayGmv);
    const span = Math.max(high - low, Math.abs(high) * 0.05, 1);
    const magnitude = 10 ** Math.floor(Math.log10(span));
    const axisMin = Math.max(0, Math.floor((low - span * 0.5) / magnitude) * magnitude);
    visible.push({ value: split.dayGmv, itemStyle: { color: token.colorPrimary }, delta: split.dayGmv });

    return {
      animation: false,
      grid: { left: 72, right: 16, top: 16, bottom: 32 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const list = Array.isArray(params) ? params : [params];
          const p = list.find((x: { seriesIndex?: number }) => x.seriesIndex === 1) as
            | { dataIndex: number; name: string }
            | undefined;
          if (!p) return '';
          const d = visible[p.dataIndex];
          const isStep = p.dataIndex > 0 && p.dataIndex < names.length - 1;
          const amount = isStep ? `${d.delta >= 0 ? '+' : ''}${i18n.money(d.delta)}` : i18n.money(d.delta);
          return `${p.name}: ${amount}`;
        },
      },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
      yAxis: {
        type: 'value',
        min: axisMin,
        axisLabel: { formatter: (v: number) => i18n.num(v) },
      },
      series: [
        {
          type: 'bar',
          stack: 'waterfall',
          silent: true,
          itemStyle: { color: 'transparent', borderColor: 'transparent' },
          emphasis: { disabled: true },
          data: helper,
        },
        {
          type: 'bar',
          stack: 'waterfall',
          barMaxWidth: 48,
          data: visible.map((v) => ({ value: v.value, itemStyle: v.itemStyle })),
        },
      ],
    };
  }, [split, baseLabel, i18n, token]);

  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 280 }} />}>
      <EChart option={option} testId="gmv-split-chart" />
    </Suspense>
  );
}
