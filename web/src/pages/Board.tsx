import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Input,
  Row,
  Skeleton,
  Space,
  Spin,
  Statistic,
  Tooltip,
  Typography,
} from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { graphql } from '../gql';
import type { ComparisonBasis, ShopMetric } from '../gql/graphql';
import { useI18n } from '../i18n';
import { useSearchParams } from 'react-router';
import { isIsoDay, previousDay, useSession, teamDays } from '../session';
import { errorMessage } from '../client';
import { useTaskEvents } from '../liveTasks';

import { KPI_METRICS } from './boardMetrics';
import { SHOP_METRIC_UNIT, changeTone, formatByUnit, shopMetricDirection, type CatalogueEntry } from '../format';
import { LoadFailed } from '../components/LoadFailed';
import type { Comparison } from './board/BoardCards';

const BoardCards = lazy(() => import('./board/BoardCards'));

/** The whole board in one request: today's board, yesterday's summary, the catalogue, and (managers) the team's people. */
const BoardQueryDoc = graphql(`
  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {
    dailyBoard(teamId: $teamId, day: $today) {
      day
      diagnosis {
        id
        date
        ranAt
        findings {
          id
          code
          severity
          metric
          observed
          expected
          comparison
          ownerRole
          ownerStaff { id name }
          message
          suggestedAction
          current
        }
        skipped { code reason }
      }
      findingCounts { severity count }
      tasksByRole {
        role
        total
        byStatus { status count }
        tasks {
          id
          title
          status
          priority
          overdue
          dueAt
          assignee { id name }
          finding { id }
        }
      }
      overdueCount
      completionRate
      awaitingVerification {
        id
        title
        role
        status
        completedAt
        assignee { id name }
        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }
      }
    }
    daySummary(teamId: $teamId, date: $yesterday) {
      date
      day { paidAmount visitors days }
      comparisons {
        basis
        changes { metric value base changePct }
        gmvSplit { gmvChange trafficShare conversionShare aovShare }
      }
    }
    metricCatalogue { metric name unit places direction }
    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {
      nodes { id name role }
    }
  }
`);


export function BoardPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const team = session.team!;

  const [days, setDays] = useState(() => teamDays(team.timeZone));
  // The working day rolls over at the team's local midnight.
  useEffect(() => {
    const id = window.setInterval(() => {
      const next = teamDays(team.timeZone);
      setDays((cur) => (cur.today === next.today ? cur : next));
    }, 60_000);
    return () => window.clearInterval(id);
  }, [team.timeZone]);
  // `?day=YYYY-MM-DD` shows the board of another working day (its diagnosis is of the day before).
  const [params, setParams] = useSearchParams();
  const dayParam = params.get('day');
  const current = useMemo(() => {
    if (isIsoDay(dayParam)) return { today: dayParam, yesterday: previousDay(dayParam) };
    const d = teamDays(team.timeZone);
    return d.today === days.today ? days : d;
  }, [team.timeZone, days, dayParam]);

  const [{ data, error, fetching }, refetch] = useQuery({
    query: BoardQueryDoc,
    variables: { teamId: team.id, today: current.today, yesterday: current.yesterday, canManage: session.canManage },
  });
  // The key numbers first: the cards below them (their own chunk, with antd's table) render in a
  // second, interruptible pass, so that the numbers are on screen without waiting for the tables.
  const later = useDeferredValue(data);

  // Live: any task event of the team refreshes the board.
  const { events, live } = useTaskEvents(team.id, () => refetch({ requestPolicy: 'network-only' }));

  if (!data && fetching) return <Spin data-testid="board-loading" style={{ display: 'block', margin: 48 }} />;
  if (!data)
    return (
      <LoadFailed error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );

  const catalogue: CatalogueEntry[] = data.metricCatalogue;
  const board = data.dailyBoard;
  const summary = data.daySummary;

  return (
    <div data-testid="board" data-day={board.day} data-yesterday={summary.date}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('boardTitle')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="board-subtitle">
            {t('boardSubtitle', { team: team.name, today: i18n.date(board.day), yesterday: i18n.date(summary.date) })}
          </Typography.Text>
        </div>
        <Space>
          {/* A native date input: antd's DatePicker would add ~30 KB gzipped to the first page. */}
          <Input
            type="date"
            style={{ width: 160 }}
            data-testid="board-day-picker"
            value={current.today}
            max={days.today}
            onChange={(e) => {
              const next = e.target.value;
              if (!isIsoDay(next)) return;
              setParams(next !== days.today ? { day: next } : {});
            }}
          />
          {live && (
            <Tooltip title={`live · ${events}`}>
              <Badge status="processing" text="live" />
            </Tooltip>
          )}
          <Button
            icon={<ReloadOutlined />}
            loading={fetching}
            data-testid="board-refresh"
            onClick={() => refetch({ requestPolicy: 'network-only' })}
          />
        </Space>
      </Space>
      {error && <Alert type="warning" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}

      {summary.day.days === 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="board-no-data"
          title={t('noDayData', { date: i18n.date(summary.date) })}
          style={{ marginBottom: 16 }}
        />
      )}
      <KpiGrid comparisons={summary.comparisons} catalogue={catalogue} />

      {later ? (
        <Suspense fallback={<Skeleton active style={{ marginTop: 16 }} />}>
          <BoardCards data={later} teamId={team.id} canManage={session.canManage} refetch={refetch} />
        </Suspense>
      ) : (
        <Skeleton active style={{ marginTop: 16 }} />
      )}
    </div>
  );
}


function toneType(tone: 'good' | 'bad' | 'neutral'): 'success' | 'danger' | 'secondary' {
  return tone === 'good' ? 'success' : tone === 'bad' ? 'danger' : 'secondary';
}

function KpiGrid({ comparisons, catalogue }: { comparisons: Comparison[]; catalogue: CatalogueEntry[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const byBasis = (basis: ComparisonBasis) => comparisons.find((c) => c.basis === basis);
  const change = (basis: ComparisonBasis, metric: ShopMetric) => byBasis(basis)?.changes.find((c) => c.metric === metric);

  return (
    <Card title={t('keyNumbers')} data-testid="board-kpis" size="small">
      <Row gutter={[16, 16]}>
        {KPI_METRICS.map((metric) => {
          const unit = SHOP_METRIC_UNIT[metric];
          const direction = shopMetricDirection(metric, catalogue);
          const day = change('PREVIOUS_7_DAY_MEAN', metric) ?? change('PREVIOUS_DAY', metric);
          const target = change('TARGET', metric);
          const rows: { key: string; label: string; basis: ComparisonBasis }[] = [
            { key: 'target', label: t('vsTarget'), basis: 'TARGET' },
            { key: 'mean7', label: t('vs7Day'), basis: 'PREVIOUS_7_DAY_MEAN' },
            { key: 'lastweek', label: t('vsLastWeek'), basis: 'SAME_WEEKDAY_LAST_WEEK' },
          ];
          return (
            <Col key={metric} xs={12} md={8} lg={6} data-testid={`kpi-${metric.toLowerCase()}`} data-direction={direction}>
              <Statistic
                title={t(metric)}
                value={formatByUnit(i18n, unit, day?.value)}
                styles={{ content: { fontSize: 22 } }}
              />
              <Typography.Text type="secondary" className="kpi-change" data-testid="target-value">
                {t('target')}: {target?.base != null ? formatByUnit(i18n, unit, target.base) : t('noTarget')}
              </Typography.Text>
              {rows.map((r) => {
                const c = change(r.basis, metric);
                if (r.basis === 'TARGET' && c?.base == null) return null;
                const tone = changeTone(c?.changePct, direction);
                return (
                  <div key={r.key} className="kpi-change" data-testid={`change-${r.key}`} data-tone={tone}>
                    <Typography.Text type="secondary">{r.label} </Typography.Text>
                    <Typography.Text type={toneType(tone)} strong>
                      {i18n.signedPct(c?.changePct)}
                    </Typography.Text>
                    {r.basis !== 'TARGET' && c?.base != null && (
                      <Typography.Text type="secondary"> ({formatByUnit(i18n, unit, c.base)})</Typography.Text>
                    )}
                  </div>
                );
              })}
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
