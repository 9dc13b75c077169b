import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Card, Col, Row, Table, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { graphql } from '../../gql';
import type { AdReportQuery } from '../../gql/graphql';
import { useI18n, type DictKey } from '../../i18n';
import { formatByUnit, type DayRange } from '../../format';
import type { ChartOption } from '../../components/EChart';
import { LazyChart } from '../../components/LazyChart';
import { ReportState } from './ReportState';

const AdReportDoc = graphql(`
  query AdReport($teamId: ID!, $from: Date!, $to: Date!) {
    adReport(teamId: $teamId, from: $from, to: $to) {
      total { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }
      byChannel {
        channel
        metrics { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }
      }
      byOwner {
        ownerId
        owner { id name }
        metrics { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }
      }
    }
  }
`);

type Report = AdReportQuery['adReport'];
type Metrics = Report['total'];
type ChannelRow = Report['byChannel'][number];
type OwnerRow = Report['byOwner'][number];

const FIELDS: { key: keyof Metrics; title: DictKey; unit: 'COUNT' | 'MONEY' | 'RATE' | 'RATIO' }[] = [
  { key: 'impressions', title: 'impressions', unit: 'COUNT' },
  { key: 'clicks', title: 'clicks', unit: 'COUNT' },
  { key: 'ctr', title: 'ctr', unit: 'RATE' },
  { key: 'spend', title: 'spend', unit: 'MONEY' },
  { key: 'cpc', title: 'cpc', unit: 'MONEY' },
  { key: 'attributedOrders', title: 'attributedOrders', unit: 'COUNT' },
  { key: 'cvr', title: 'cvr', unit: 'RATE' },
  { key: 'attributedAmount', title: 'attributedAmount', unit: 'MONEY' },
  { key: 'roi', title: 'roi', unit: 'RATIO' },
];

/** 推广: paid traffic by channel (with the total and a chart of spend against what it brought) and by owner. */
export function AdReport({ teamId, range }: { teamId: string; range: DayRange }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { token } = theme.useToken();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: AdReportDoc,
    variables: { teamId, from: range.from, to: range.to },
  });
  const report = data?.adReport;

  function metricColumns<R extends { metrics: Metrics }>(): TableColumnsType<R> {
    return FIELDS.map((f) => ({
      title: t(f.title),
      key: f.key,
      align: 'right' as const,
      onCell: () => ({ 'data-metric': f.key }) as React.HTMLAttributes<HTMLElement>,
      sorter: (a: R, b: R) => Number(a.metrics[f.key] ?? -Infinity) - Number(b.metrics[f.key] ?? -Infinity),
      render: (_: unknown, r: R) => formatByUnit(i18n, f.unit, r.metrics[f.key]),
    }));
  }

  const option = useMemo<ChartOption | null>(() => {
    if (!report || report.byChannel.length === 0) return null;
    const names = report.byChannel.map((c) => i18n.tx(c.channel));
    return {
      animation: false,
      grid: { left: 72, right: 48, top: 32, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => i18n.num(v) } },
        { type: 'value', name: t('roi'), splitLine: { show: false }, axisLabel: { formatter: (v: number) => i18n.num(v, 1) } },
      ],
      series: [
        {
          type: 'bar',
          name: t('spend'),
          color: token.colorWarning,
          data: report.byChannel.map((c) => Number(c.metrics.spend)),
          tooltip: { valueFormatter: (v: unknown) => i18n.money(v as number) },
        },
        {
          type: 'bar',
          name: t('attributedAmount'),
          color: token.colorPrimary,
          data: report.byChannel.map((c) => Number(c.metrics.attributedAmount)),
          tooltip: { valueFormatter: (v: unknown) => i18n.money(v as number) },
        },
        {
          type: 'line',
          name: t('roi'),
          yAxisIndex: 1,
          color: token.colorSuccess,
          data: report.byChannel.map((c) => (c.metrics.roi == null ? null : c.metrics.roi)),
          tooltip: { valueFormatter: (v: unknown) => i18n.num(v as number, 2) },
        },
      ],
    };
  }, [report, i18n, t, token]);

  const state = <ReportState hasData={!!report} fetching={fetching} error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!report) return state;

  return (
    <>
      {state}
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card size="small" title={t('adByChannel')}>
            <Table<ChannelRow>
              data-testid="ad-report"
              size="small"
              rowKey="channel"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={report.byChannel}
              locale={{ emptyText: t('noAds') }}
              onRow={(r) => ({ 'data-testid': 'ad-row', 'data-channel': r.channel }) as React.HTMLAttributes<HTMLElement>}
              columns={[{ title: t('channel'), key: 'channel', render: (_: unknown, r: ChannelRow) => i18n.tx(r.channel) }, ...metricColumns<ChannelRow>()]}
              summary={() => (
                <Table.Summary>
                  <Table.Summary.Row data-testid="ad-total" style={{ fontWeight: 600, background: token.colorFillAlter }}>
                    <Table.Summary.Cell index={0}>{t('adTotal')}</Table.Summary.Cell>
                    {FIELDS.map((f, i) => (
                      <Table.Summary.Cell key={f.key} index={i + 1} align="right">
                        <span data-metric={f.key}>{formatByUnit(i18n, f.unit, report.total[f.key])}</span>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              )}
            />
          </Card>
        </Col>
        {option && (
          <Col xs={24} xl={12}>
            <Card size="small" title={t('spendVsAmount')}>
              <LazyChart option={option} height={300} testId="ad-chart" />
            </Card>
          </Col>
        )}
        <Col xs={24} xl={option ? 12 : 24}>
          <Card size="small" title={t('adByOwner')}>
            <Table<OwnerRow>
              data-testid="ad-owner-report"
              size="small"
              rowKey="ownerId"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={report.byOwner}
              locale={{ emptyText: t('noAds') }}
              onRow={(r) => ({ 'data-testid': 'ad-owner-row', 'data-staff': r.ownerId }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('owner'), key: 'owner', fixed: 'left' as const, render: (_: unknown, r: OwnerRow) => r.owner?.name ?? r.ownerId },
                ...metricColumns<OwnerRow>().filter((c) => ['spend', 'attributedAmount', 'roi', 'clicks', 'cpc'].includes(String(c.key))),
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
