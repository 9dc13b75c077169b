import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Button, Card, Input, Result, Segmented, Space, Spin, Table, Tooltip, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { graphql } from '../gql';
import type { CsMetric, CsRankingQuery, KpiDirection, MetricUnit, SortOrder } from '../gql/graphql';
import { useI18n, type DictKey, type I18n } from '../i18n';
import { isIsoDay, teamDays, useSession } from '../session';
import { errorCode, errorMessage } from '../client';
import { changeTone, formatByUnit, type DayRange } from '../format';
import { DayRangePicker } from '../components/DayRangePicker';

// Every metric of an agent's row and of the team's pooled one (the query below spreads it).
graphql(`
  fragment CsMetricsFields on CsMetrics {
    received
    inquiries
    salesAmount
    inquiryConversion
    orderRate
    paymentRate
    csAov
    avgFirstResponse
    avgResponse
    answerRatio
    replyRate
    satisfaction
  }
`);

const CsRankingDoc = graphql(`
  query CsRanking($teamId: ID!, $from: Date!, $to: Date!, $sortBy: CsMetric!, $order: SortOrder) {
    csRanking(teamId: $teamId, from: $from, to: $to, sortBy: $sortBy, order: $order) {
      team { ...CsMetricsFields }
      agents(first: 100) {
        totalCount
        nodes {
          rank
          staffId
          staff { id name }
          metrics { ...CsMetricsFields }
          gap {
            inquiryConversionPts
            orderRatePts
            paymentRatePts
            replyRatePts
            satisfactionPts
            csAov
            avgFirstResponse
            avgResponse
            answerRatio
          }
        }
      }
    }
    metricCatalogue { metric direction }
  }
`);

type Ranking = CsRankingQuery['csRanking'];
type Agent = Ranking['agents']['nodes'][number];
type Metrics = Ranking['team'];
type Gap = Agent['gap'];

interface CsColumn {
  /** The `CsMetric` it sorts by; null for a column the API does not rank by. */
  metric: CsMetric | null;
  key: string;
  title: DictKey;
  field: keyof Metrics;
  unit: MetricUnit;
  /** The agent's gap to the team, and whether it is in percentage points. */
  gap?: { field: keyof Gap; pts: boolean };
}

const COLUMNS: CsColumn[] = [
  { metric: null, key: 'RECEIVED', title: 'received', field: 'received', unit: 'COUNT' },
  { metric: 'INQUIRIES', key: 'INQUIRIES', title: 'inquiries', field: 'inquiries', unit: 'COUNT' },
  { metric: 'SALES_AMOUNT', key: 'SALES_AMOUNT', title: 'salesAmount', field: 'salesAmount', unit: 'MONEY' },
  {
    metric: 'INQUIRY_CONVERSION',
    key: 'INQUIRY_CONVERSION',
    title: 'inquiryConversion',
    field: 'inquiryConversion',
    unit: 'RATE',
    gap: { field: 'inquiryConversionPts', pts: true },
  },
  { metric: 'ORDER_RATE', key: 'ORDER_RATE', title: 'orderRate', field: 'orderRate', unit: 'RATE', gap: { field: 'orderRatePts', pts: true } },
  {
    metric: 'PAYMENT_RATE',
    key: 'PAYMENT_RATE',
    title: 'paymentRate',
    field: 'paymentRate',
    unit: 'RATE',
    gap: { field: 'paymentRatePts', pts: true },
  },
  { metric: 'CS_AOV', key: 'CS_AOV', title: 'csAov', field: 'csAov', unit: 'MONEY', gap: { field: 'csAov', pts: false } },
  {
    metric: 'AVG_FIRST_RESPONSE',
    key: 'AVG_FIRST_RESPONSE',
    title: 'avgFirstResponse',
    field: 'avgFirstResponse',
    unit: 'SECONDS',
    gap: { field: 'avgFirstResponse', pts: false },
  },
  {
    metric: 'AVG_RESPONSE',
    key: 'AVG_RESPONSE',
    title: 'avgResponse',
    field: 'avgResponse',
    unit: 'SECONDS',
    gap: { field: 'avgResponse', pts: false },
  },
  {
    metric: 'ANSWER_RATIO',
    key: 'ANSWER_RATIO',
    title: 'answerRatio',
    field: 'answerRatio',
    unit: 'RATIO',
    gap: { field: 'answerRatio', pts: false },
  },
  { metric: 'REPLY_RATE', key: 'REPLY_RATE', title: 'replyRate', field: 'replyRate', unit: 'RATE', gap: { field: 'replyRatePts', pts: true } },
  {
    metric: 'SATISFACTION',
    key: 'SATISFACTION',
    title: 'satisfaction',
    field: 'satisfaction',
    unit: 'RATE',
    gap: { field: 'satisfactionPts', pts: true },
  },
];

/** Where the catalogue lacks a metric: the times are lower-is-better (CsMetric's descriptions). */
function directionOf(key: string, catalogue: { metric: string; direction: KpiDirection }[]): KpiDirection {
  return catalogue.find((c) => c.metric === key)?.direction ?? (key.startsWith('AVG_') ? 'LOWER' : 'HIGHER');
}

function signed(s: string, n: number): string {
  return n > 0 ? `+${s}` : s;
}

function gapText(i18n: I18n, col: CsColumn, gap: string | number | null | undefined): string {
  if (gap === null || gap === undefined || !col.gap) return '—';
  const n = Number(gap);
  if (col.gap.pts) return i18n.t('points', { v: signed(i18n.num(n, 2), n) });
  return signed(formatByUnit(i18n, col.unit, n), n);
}

export default function CsRankingPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { token } = theme.useToken();
  const team = useSession().team!;
  const days = useMemo(() => teamDays(team.timeZone), [team.timeZone]);
  const [mode, setMode] = useState<'day' | 'range'>('day');
  const [range, setRange] = useState<DayRange>({ from: days.yesterday, to: days.yesterday });
  const [sortBy, setSortBy] = useState<CsMetric>('SALES_AMOUNT');
  const [order, setOrder] = useState<SortOrder | null>(null);

  const [{ data, error, fetching }, refetch] = useQuery({
    query: CsRankingDoc,
    variables: { teamId: team.id, from: range.from, to: range.to, sortBy, order },
  });
  const catalogue = useMemo(() => data?.metricCatalogue ?? [], [data]);

  const columns = useMemo<TableColumnsType<Agent>>(() => {
    const metricCols: TableColumnsType<Agent> = COLUMNS.map((col) => {
      const direction = directionOf(col.key, catalogue);
      const best = direction === 'LOWER' ? 'ascend' : 'descend';
      const active = col.metric !== null && col.metric === sortBy;
      return {
        title: t(col.title),
        key: col.key,
        align: 'right' as const,
        sorter: col.metric !== null,
        sortDirections: best === 'descend' ? ['descend', 'ascend'] : ['ascend', 'descend'],
        sortOrder: active ? (order === null ? best : order === 'ASC' ? 'ascend' : 'descend') : null,
        onCell: (a: Agent) => {
          const tone = col.gap ? changeTone(toNumber(a.gap[col.gap.field]), direction) : 'neutral';
          return {
            'data-metric': col.key,
            'data-gap': col.gap ? tone : undefined,
            style: tone === 'bad' ? { background: token.colorErrorBg } : undefined,
          } as React.HTMLAttributes<HTMLElement>;
        },
        render: (_: unknown, a: Agent) => {
          const text = formatByUnit(i18n, col.unit, a.metrics[col.field]);
          if (!col.gap) return text;
          const gap = a.gap[col.gap.field];
          const tone = changeTone(toNumber(gap), direction);
          return (
            <Tooltip title={t('gapToTeam', { gap: gapText(i18n, col, gap) })}>
              <Typography.Text type={tone === 'bad' ? 'danger' : undefined} strong={tone === 'bad'}>
                {text}
              </Typography.Text>
            </Tooltip>
          );
        },
      };
    });
    return [
      { title: t('rank'), dataIndex: 'rank', key: 'rank', width: 64, fixed: 'left' as const },
      {
        title: t('agent'),
        key: 'agent',
        fixed: 'left' as const,
        render: (_: unknown, a: Agent) => a.staff?.name ?? a.staffId,
      },
      ...metricCols,
    ];
  }, [catalogue, sortBy, order, t, i18n, token]);

  const ranking = data?.csRanking;
  let body: React.ReactNode;
  if (!data && fetching) body = <Spin style={{ display: 'block', margin: 48 }} />;
  else if (!ranking)
    body = (
      <Result
        data-testid="cs-error"
        data-code={errorCode(error) ?? ''}
        status={errorCode(error) === 'FORBIDDEN' ? '403' : 'error'}
        title={t('error')}
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => refetch({ requestPolicy: 'network-only' })}>{t('retry')}</Button>}
      />
    );
  else
    body = (
      <Card size="small">
        {error && <Alert type="warning" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
        <Table<Agent>
          data-testid="cs-table"
          size="small"
          rowKey="staffId"
          pagination={false}
          scroll={{ x: 1100 }}
          tableLayout="auto"
          dataSource={ranking.agents.nodes}
          columns={columns}
          locale={{ emptyText: t('noAgents') }}
          onRow={(a) =>
            ({ 'data-testid': 'cs-row', 'data-staff': a.staffId, 'data-rank': a.rank }) as React.HTMLAttributes<HTMLElement>
          }
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const col = COLUMNS.find((c) => c.key === s?.columnKey);
            if (!s?.order || !col?.metric) {
              setSortBy('SALES_AMOUNT');
              setOrder(null);
              return;
            }
            setSortBy(col.metric);
            setOrder(s.order === 'ascend' ? 'ASC' : 'DESC');
          }}
          summary={() => (
            <Table.Summary>
              <Table.Summary.Row data-testid="cs-pooled" style={{ background: token.colorFillAlter, fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>—</Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{t('csPooled')}</Table.Summary.Cell>
                {COLUMNS.map((col, i) => (
                  <Table.Summary.Cell key={col.key} index={i + 2} align="right">
                    <span data-metric={col.key}>{formatByUnit(i18n, col.unit, ranking.team[col.field])}</span>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
      </Card>
    );

  return (
    <div data-testid="cs-ranking" data-from={range.from} data-to={range.to} data-sort={sortBy} data-order={order ?? ''}>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('csTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('csSubtitle', { from: i18n.date(range.from), to: i18n.date(range.to) })}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<'day' | 'range'>
          data-testid="cs-mode"
          value={mode}
          onChange={(m) => {
            setMode(m);
            if (m === 'day') setRange((r) => ({ from: r.to, to: r.to }));
          }}
          options={[
            { value: 'day', label: t('csOneDay') },
            { value: 'range', label: t('csRangeMode') },
          ]}
        />
        {mode === 'day' ? (
          <Input
            type="date"
            style={{ width: 160 }}
            data-testid="cs-day"
            value={range.to}
            max={days.today}
            onChange={(e) => {
              const d = e.target.value;
              if (isIsoDay(d) && d <= days.today) setRange({ from: d, to: d });
            }}
          />
        ) : (
          <DayRangePicker value={range} onChange={setRange} yesterday={days.yesterday} today={days.today} testId="cs-range" />
        )}
        <Button icon={<ReloadOutlined />} loading={fetching} onClick={() => refetch({ requestPolicy: 'network-only' })} />
      </Space>
      {body}
    </div>
  );
}

function toNumber(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
