import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { Alert, Button, Card, Col, Row, Segmented, Select, Space, Spin, Table, Typography, theme } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { graphql } from '../gql';
import type { Granularity, ShopMetric, TrendTargetsQuery, TrendsQuery } from '../gql/graphql';
import { useI18n, type I18n } from '../i18n';
import { teamDays, useSession } from '../session';
import { errorMessage } from '../client';
import {
  SHOP_METRIC_UNIT,
  addDays,
  catalogueKey,
  daysInMonth,
  daysUpTo,
  formatByUnit,
  monthsOf,
  type DayRange,
} from '../format';
import type { ChartOption } from '../components/EChart';
import { LazyChart } from '../components/LazyChart';
import { DayRangePicker } from '../components/DayRangePicker';
import { LoadFailed } from '../components/LoadFailed';

const TrendsQueryDoc = graphql(`
  query Trends($teamId: ID!, $from: Date!, $to: Date!, $granularity: Granularity!) {
    shopMetrics(teamId: $teamId, from: $from, to: $to, granularity: $granularity) {
      periodStart
      periodEnd
      days
      visitors
      paidBuyers
      paidAmount
      conversionRate
      aov
      bounceRate
      visitDepth
      favCartRate
      refundRate
      uvValue
      adSpend
      adRoi
      netProfit
    }
    metricCatalogue { metric name unit places direction isSum }
  }
`);

const TrendTargetsDoc = graphql(`
  query TrendTargets($teamId: ID!, $month: Month!) {
    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }
  }
`);

type Bucket = TrendsQuery['shopMetrics'][number];
type Target = TrendTargetsQuery['targets'][number];

/** The shop metrics a trend can show, with the field of `ShopMetrics` that holds each. */
const TREND_FIELD: Record<ShopMetric, keyof Bucket> = {
  PAID_AMOUNT: 'paidAmount',
  VISITORS: 'visitors',
  PAID_BUYERS: 'paidBuyers',
  CONVERSION_RATE: 'conversionRate',
  AOV: 'aov',
  BOUNCE_RATE: 'bounceRate',
  VISIT_DEPTH: 'visitDepth',
  FAV_CART_RATE: 'favCartRate',
  REFUND_RATE: 'refundRate',
  UV_VALUE: 'uvValue',
  AD_SPEND: 'adSpend',
  AD_ROI: 'adRoi',
  NET_PROFIT: 'netProfit',
};
const ALL_METRICS = Object.keys(TREND_FIELD) as ShopMetric[];
const DEFAULT_METRICS: ShopMetric[] = ['PAID_AMOUNT', 'VISITORS', 'CONVERSION_RATE'];

function value(bucket: Bucket, metric: ShopMetric): string | number | null {
  const v = bucket[TREND_FIELD[metric]];
  return v === undefined ? null : (v as string | number | null);
}

/**
 * The team's target of a bucket, from the month targets the API gives: a sum metric's is the
 * sum of its days' targets (a day's own target, else the month's / the month's days), a ratio's
 * the month's; null where any day of the bucket has none.
 */
function bucketTarget(bucket: Bucket, metric: string, isSum: boolean, targets: Target[]): number | null {
  const team = targets.filter((x) => x.staffId == null && x.metric === metric);
  const monthly = (month: string) => team.find((x) => x.period === 'MONTH' && x.startsOn.startsWith(month));
  const daily = (day: string) => team.find((x) => x.period === 'DAY' && x.startsOn === day);
  if (!isSum) {
    const own = bucket.periodStart === bucket.periodEnd ? daily(bucket.periodStart) : undefined;
    const m = own ?? monthly(bucket.periodStart.slice(0, 7));
    return m ? Number(m.value) : null;
  }
  let sum = 0;
  for (let day = bucket.periodStart; day <= bucket.periodEnd; day = addDays(day, 1)) {
    const d = daily(day);
    if (d) {
      sum += Number(d.value);
      continue;
    }
    const month = day.slice(0, 7);
    const m = monthly(month);
    if (!m) return null;
    sum += Number(m.value) / daysInMonth(month);
  }
  return sum;
}

function periodLabel(i18n: I18n, granularity: Granularity, b: Bucket): string {
  if (granularity === 'DAY') return i18n.date(b.periodStart);
  if (granularity === 'MONTH') return b.periodStart.slice(0, 7);
  return `${i18n.date(b.periodStart)} – ${i18n.date(b.periodEnd)}`;
}

/** The targets of every month of the range (one query per month, batched into one request). */
function useMonthTargets(teamId: string, range: DayRange): { targets: Target[]; error?: string } {
  const client = useClient();
  const months = monthsOf(range).join(',');
  const [state, setState] = useState<{ key: string; targets: Target[]; error?: string }>({ key: '', targets: [] });
  useEffect(() => {
    let live = true;
    const key = `${teamId}/${months}`;
    Promise.all(
      months.split(',').map((month) => client.query(TrendTargetsDoc, { teamId, month }).toPromise()),
    ).then((results) => {
      if (!live) return;
      const failed = results.find((r) => r.error);
      setState({
        key,
        targets: results.flatMap((r) => r.data?.targets ?? []),
        error: failed ? errorMessage(failed.error) : undefined,
      });
    });
    return () => {
      live = false;
    };
  }, [client, teamId, months]);
  return state.key === `${teamId}/${months}` ? state : { targets: [] };
}

export default function TrendsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { token } = theme.useToken();
  const team = useSession().team!;
  const days = useMemo(() => teamDays(team.timeZone), [team.timeZone]);
  const [range, setRange] = useState<DayRange>(() => daysUpTo(days.yesterday, 30));
  const [granularity, setGranularity] = useState<Granularity>('DAY');
  const [metrics, setMetrics] = useState<ShopMetric[]>(DEFAULT_METRICS);

  const [{ data, error, fetching }, refetch] = useQuery({
    query: TrendsQueryDoc,
    variables: { teamId: team.id, from: range.from, to: range.to, granularity },
  });
  const { targets, error: targetsError } = useMonthTargets(team.id, range);

  const buckets = useMemo(() => data?.shopMetrics ?? [], [data]);
  const catalogue = useMemo(() => data?.metricCatalogue ?? [], [data]);
  const targetSeries = useMemo(() => {
    const out: Partial<Record<ShopMetric, (number | null)[]>> = {};
    for (const metric of metrics) {
      const key = catalogueKey(metric);
      const isSum = catalogue.find((c) => c.metric === key)?.isSum ?? SHOP_METRIC_UNIT[metric] === 'COUNT';
      out[metric] = buckets.map((b) => bucketTarget(b, key, isSum, targets));
    }
    return out;
  }, [metrics, catalogue, buckets, targets]);

  const controls = (
    <Space wrap style={{ marginBottom: 16 }}>
      <DayRangePicker value={range} onChange={setRange} yesterday={days.yesterday} today={days.today} testId="trend-range" />
      <Segmented<Granularity>
        data-testid="trend-granularity"
        value={granularity}
        onChange={setGranularity}
        options={[
          { value: 'DAY', label: t('byDay') },
          { value: 'WEEK', label: t('byWeek') },
          { value: 'MONTH', label: t('byMonth') },
        ]}
      />
      <Select<ShopMetric[]>
        mode="multiple"
        data-testid="trend-metrics"
        style={{ minWidth: 320 }}
        value={metrics}
        maxTagCount="responsive"
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(v) => setMetrics(v.length > 0 ? v : metrics)}
        options={ALL_METRICS.map((m) => ({ value: m, label: t(m) }))}
      />
      <Button icon={<ReloadOutlined />} loading={fetching} onClick={() => refetch({ requestPolicy: 'network-only' })} />
    </Space>
  );

  let body: React.ReactNode;
  if (!data && fetching) body = <Spin style={{ display: 'block', margin: 48 }} />;
  else if (!data)
    body = (
      <LoadFailed error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  else
    body = (
      <>
        {error && <Alert type="warning" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
        {targetsError && <Alert type="warning" showIcon title={targetsError} style={{ marginBottom: 16 }} />}
        <Row gutter={[16, 16]}>
          {metrics.map((metric) => (
            <Col key={metric} xs={24} xl={metrics.length > 1 ? 12 : 24}>
              <Card size="small" title={t(metric)} data-testid={`trend-chart-${metric.toLowerCase()}`}>
                <TrendChart
                  metric={metric}
                  buckets={buckets}
                  granularity={granularity}
                  target={targetSeries[metric] ?? []}
                  color={token.colorPrimary}
                  targetColor={token.colorWarning}
                />
              </Card>
            </Col>
          ))}
        </Row>
        <Card size="small" style={{ marginTop: 16 }} title={t('trendTable')}>
          <Table<Bucket>
            data-testid="trend-table"
            size="small"
            rowKey="periodStart"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={buckets}
            locale={{ emptyText: t('noData') }}
            onRow={(b) => ({ 'data-testid': 'trend-row', 'data-period': b.periodStart }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('period'),
                key: 'period',
                fixed: 'left',
                render: (_: unknown, b: Bucket) => periodLabel(i18n, granularity, b),
              },
              { title: t('dataDays'), dataIndex: 'days', align: 'right', width: 90 },
              ...metrics.flatMap((metric) => {
                const target = targetSeries[metric] ?? [];
                const index = new Map(buckets.map((b, i) => [b.periodStart, i]));
                return [
                  {
                    title: t(metric),
                    key: metric,
                    align: 'right' as const,
                    onCell: () => ({ 'data-metric': metric }) as React.HTMLAttributes<HTMLElement>,
                    render: (_: unknown, b: Bucket) => formatByUnit(i18n, SHOP_METRIC_UNIT[metric], value(b, metric)),
                  },
                  // The target beside the metric, where the API gives one for the range.
                  ...(target.some((x) => x !== null)
                    ? [
                        {
                          title: `${t(metric)} · ${t('target')}`,
                          key: `${metric}_TARGET`,
                          align: 'right' as const,
                          onCell: () => ({ 'data-metric': `${metric}_TARGET` }) as React.HTMLAttributes<HTMLElement>,
                          render: (_: unknown, b: Bucket) => (
                            <Typography.Text type="secondary">
                              {formatByUnit(i18n, SHOP_METRIC_UNIT[metric], target[index.get(b.periodStart) ?? -1])}
                            </Typography.Text>
                          ),
                        },
                      ]
                    : []),
                ];
              }),
            ]}
          />
        </Card>
      </>
    );

  return (
    <div data-testid="trends" data-from={range.from} data-to={range.to} data-granularity={granularity}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('trendsTitle')}
      </Typography.Title>
      {controls}
      {body}
    </div>
  );
}

function TrendChart({
  metric,
  buckets,
  granularity,
  target,
  color,
  targetColor,
}: {
  metric: ShopMetric;
  buckets: Bucket[];
  granularity: Granularity;
  target: (number | null)[];
  color: string;
  targetColor: string;
}) {
  const i18n = useI18n();
  const unit = SHOP_METRIC_UNIT[metric];
  const hasTarget = target.some((x) => x !== null);
  const option = useMemo<ChartOption>(() => {
    const axis = buckets.map((b) => (granularity === 'MONTH' ? b.periodStart.slice(0, 7) : b.periodStart.slice(5)));
    const values = buckets.map((b) => {
      const v = value(b, metric);
      return v === null ? null : Number(v);
    });
    const axisLabel = (v: number) =>
      unit === 'RATE' ? i18n.pct(v, 1) : unit === 'RATIO' ? i18n.num(v, 1) : i18n.num(v, 0);
    return {
      animation: false,
      grid: { left: 64, right: 16, top: 32, bottom: 28 },
      legend: { top: 0, data: hasTarget ? [i18n.t(metric), i18n.t('target')] : [i18n.t(metric)] },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => formatByUnit(i18n, unit, typeof v === 'number' ? v : null),
      },
      xAxis: { type: 'category', data: axis },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: axisLabel } },
      series: [
        { type: 'line', name: i18n.t(metric), data: values, color, showSymbol: buckets.length <= 40 },
        ...(hasTarget
          ? [
              {
                type: 'line' as const,
                name: i18n.t('target'),
                data: target,
                color: targetColor,
                step: granularity === 'DAY' ? ('middle' as const) : undefined,
                showSymbol: false,
                lineStyle: { type: 'dashed' as const },
              },
            ]
          : []),
      ],
    };
  }, [buckets, granularity, metric, target, unit, i18n, hasTarget, color, targetColor]);
  return <LazyChart option={option} height={260} testId={`trend-echart-${metric.toLowerCase()}`} />;
}
