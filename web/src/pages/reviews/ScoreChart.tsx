import { useMemo } from 'react';
import { Card, theme } from 'antd';
import { useI18n } from '../../i18n';
import { LazyChart } from '../../components/LazyChart';
import type { ChartOption } from '../../components/EChart';
import type { Review } from './queries';

/**
 * Each person's total this month beside last month's, as grouped bars (last month's grey), in
 * the table's order; the tooltip gives both totals as the API wrote them. `data-scores` carries
 * the same figures the bars are drawn from: `[{ staff, total, previous }]`, the API's strings.
 */
export function ScoreChart({
  reviews,
  before,
  month,
  previous,
}: {
  reviews: Review[];
  before: Map<string | undefined, string | null | undefined>;
  month: string;
  previous: string;
}) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const rows = useMemo(
    () => reviews.map((r) => ({ staff: r.staff?.id ?? '', name: r.staff?.name ?? '—', total: r.total ?? null, previous: before.get(r.staff?.id) ?? null })),
    [reviews, before],
  );

  const option = useMemo<ChartOption>(() => {
    // Bars need numbers; the figures shown in words stay the API's strings.
    const bar = (v: string | null) => (v === null ? null : Number(v));
    return {
      animation: false,
      grid: { left: 40, right: 16, top: 36, bottom: 56 },
      legend: { top: 0, data: [previous, month] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number } | undefined;
          const r = first && rows[first.dataIndex];
          return r ? `${r.name}<br/>${previous}: ${r.previous ?? '—'}<br/>${month}: ${r.total ?? '—'}` : '';
        },
      },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, width: 88, overflow: 'truncate', rotate: rows.length > 12 ? 30 : 0 },
      },
      yAxis: { type: 'value', min: 0, name: t('totalScore') },
      series: [
        { name: previous, type: 'bar', barGap: '10%', data: rows.map((r) => bar(r.previous)), itemStyle: { color: token.colorTextQuaternary } },
        { name: month, type: 'bar', data: rows.map((r) => bar(r.total)), itemStyle: { color: token.colorPrimary } },
      ],
    };
  }, [rows, month, previous, t, token]);

  return (
    <Card
      size="small"
      title={t('reviewsScoreChart')}
      data-testid="score-comparison"
      data-scores={JSON.stringify(rows.map(({ staff, total, previous: was }) => ({ staff, total, previous: was })))}
    >
      <LazyChart height={300} testId="score-chart" option={option} />
    </Card>
  );
}
