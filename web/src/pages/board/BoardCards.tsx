import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  theme,
} from 'antd';
import { ExperimentOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { graphql } from '../../gql';
import type { BoardQuery, ComparisonBasis, Severity, TaskStatus } from '../../gql/graphql';
import { useI18n, type I18n } from '../../i18n';
import { errorCode, errorMessage } from '../../client';
import { GmvSplitChart } from '../../components/GmvSplitChart';
import { SEVERITY_COLOR, catalogueByName } from '../boardMetrics';
import { formatByUnit, type CatalogueEntry } from '../../format';

const MakeTasksMutation = graphql(`
  mutation MakeTasks($input: CreateTasksFromDiagnosisInput!) {
    createTasksFromDiagnosis(input: $input) {
      tasks { id title role priority dueAt assignee { id name } finding { id } }
    }
  }
`);

const RunDiagnosisMutation = graphql(`
  mutation RunDiagnosis($input: RunDiagnosisInput!) {
    runDiagnosis(input: $input) {
      diagnosis { id date findings { id } }
    }
  }
`);

type Board = BoardQuery['dailyBoard'];
type Finding = NonNullable<Board['diagnosis']>['findings'][number];
export type Comparison = BoardQuery['daySummary']['comparisons'][number];

const STATUS_COLOR: Record<TaskStatus, string> = {
  TODO: 'default',
  IN_PROGRESS: 'processing',
  BLOCKED: 'warning',
  DONE: 'success',
  VERIFIED: 'green',
  CANCELLED: 'default',
};

/** Everything below the board's key numbers: a chunk of its own, drawn after them (see Board.tsx). */
export default function BoardCards({
  data,
  teamId,
  canManage,
  refetch,
}: {
  data: BoardQuery;
  teamId: string;
  canManage: boolean;
  refetch: (opts: { requestPolicy: 'network-only' }) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const catalogue: CatalogueEntry[] = data.metricCatalogue;
  const board = data.dailyBoard;
  const summary = data.daySummary;
  return (
    <>
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xl={10}>
            <GmvSplitCard comparisons={summary.comparisons} dayGmv={Number(summary.day.paidAmount)} />
          </Col>
          <Col xs={24} xl={14}>
            <TasksCard board={board} />
          </Col>
        </Row>

        <FindingsCard
          board={board}
          teamId={teamId}
          diagnosisDate={summary.date}
          catalogue={catalogue}
          staff={data.staff?.nodes ?? []}
          canManage={canManage}
          onMade={(n) => {
            message.success(n < 0 ? t('diagnosisDone') : n > 0 ? t('tasksMade', { n }) : t('tasksNone'));
            refetch({ requestPolicy: 'network-only' });
          }}
          onError={(msg, code) => {
            message.error(code ? `${msg} (${code})` : msg);
            refetch({ requestPolicy: 'network-only' });
          }}
        />

        <AwaitingCard board={board} catalogue={catalogue} />
    </>
  );
}

function GmvSplitCard({ comparisons, dayGmv }: { comparisons: Comparison[]; dayGmv: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [basis, setBasis] = useState<ComparisonBasis>('PREVIOUS_7_DAY_MEAN');
  const bases: { value: ComparisonBasis; label: string }[] = [
    { value: 'PREVIOUS_7_DAY_MEAN', label: t('vs7Day') },
    { value: 'SAME_WEEKDAY_LAST_WEEK', label: t('vsLastWeek') },
    { value: 'PREVIOUS_DAY', label: t('vsPrevDay') },
  ];
  const cmp = comparisons.find((c) => c.basis === basis);
  const split = cmp?.gmvSplit;
  const values = useMemo(
    () =>
      split
        ? {
            // gmvChange is per day (the day minus the base's daily value); the base's own totals span its days.
            baseGmv: dayGmv - Number(split.gmvChange),
            dayGmv,
            gmvChange: Number(split.gmvChange),
            trafficShare: split.trafficShare,
            conversionShare: split.conversionShare,
            aovShare: split.aovShare,
          }
        : null,
    [split, dayGmv],
  );

  return (
    <Card
      size="small"
      title={t('gmvSplit')}
      data-testid="board-gmv-split"
    >
      <Segmented<ComparisonBasis>
        size="small"
        value={basis}
        onChange={setBasis}
        options={bases}
        data-testid="gmv-split-basis"
        style={{ marginBottom: 8 }}
      />
      {values ? (
        <>
          <Space wrap size="large" style={{ marginBottom: 8 }}>
            <span data-testid="gmv-split-change">
              {t('gmvChange')}:{' '}
              <Typography.Text strong type={values.gmvChange >= 0 ? 'success' : 'danger'}>
                {values.gmvChange > 0 ? '+' : ''}
                {i18n.money(values.gmvChange)}
              </Typography.Text>
            </span>
            {(
              [
                ['traffic', values.trafficShare],
                ['conversion', values.conversionShare],
                ['aov', values.aovShare],
              ] as const
            ).map(([k, share]) => (
              <span key={k} data-testid={`gmv-split-${k}`}>
                {t(k)}: {i18n.money(values.gmvChange * share)} ({i18n.pct(share, 1)})
              </span>
            ))}
          </Space>
          <GmvSplitChart split={values} baseLabel={t('baseGmv')} />
        </>
      ) : (
        <Empty description={t('noSplit')} />
      )}
    </Card>
  );
}

function TasksCard({ board }: { board: Board }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { token } = theme.useToken();
  const statuses: TaskStatus[] = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'VERIFIED', 'CANCELLED'];
  return (
    <Card size="small" title={t('tasks')} data-testid="board-tasks" style={{ height: '100%' }}>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={8}>
          <Statistic
            title={t('overdue')}
            value={board.overdueCount}
            data-testid="board-overdue"
            styles={{ content: { color: board.overdueCount > 0 ? token.colorError : undefined } }}
          />
        </Col>
        <Col span={8} data-testid="board-completion" data-value={board.completionRate ?? ''}>
          <Typography.Text type="secondary">{t('completionRate')}</Typography.Text>
          <div>
            {board.completionRate == null ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <Progress type="circle" size={56} percent={Math.round(board.completionRate * 100)} format={() => i18n.pct(board.completionRate, 0)} />
            )}
          </div>
        </Col>
        <Col span={8}>
          <Statistic
            title={t('total')}
            value={board.tasksByRole.reduce((n, r) => n + r.total, 0)}
            data-testid="board-task-total"
          />
        </Col>
      </Row>
      {board.tasksByRole.length === 0 ? (
        <Empty description={t('noTasks')} />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="role"
          data-testid="tasks-by-role"
          dataSource={board.tasksByRole}
          onRow={(r) => ({ 'data-testid': `tasks-role-${r.role}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('ownerRole'), dataIndex: 'role', render: (role: string) => i18n.tx(role) },
            { title: t('total'), dataIndex: 'total' },
            ...statuses.map((s) => ({
              title: t(s),
              key: s,
              render: (_: unknown, r: Board['tasksByRole'][number]) => {
                const n = r.byStatus.find((b) => b.status === s)?.count ?? 0;
                return n > 0 ? <Tag color={STATUS_COLOR[s]}>{n}</Tag> : <Typography.Text type="secondary">0</Typography.Text>;
              },
            })),
          ]}
          expandable={{
            expandedRowRender: (r) => (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {r.tasks.map((task) => (
                  <li key={task.id} data-testid="board-task" data-status={task.status}>
                    <Tag color={STATUS_COLOR[task.status]}>{t(task.status)}</Tag>
                    {task.title} · {task.assignee?.name ?? '—'}
                    {task.overdue && <Tag color="red" style={{ marginLeft: 8 }}>{t('overdue')}</Tag>}
                  </li>
                ))}
              </ul>
            ),
            rowExpandable: (r) => r.tasks.length > 0,
          }}
        />
      )}
    </Card>
  );
}

interface StaffOption {
  id: string;
  name: string;
  role?: string | null;
}

function FindingsCard({
  board,
  teamId,
  diagnosisDate,
  catalogue,
  staff,
  canManage,
  onMade,
  onError,
}: {
  board: Board;
  teamId: string;
  diagnosisDate: string;
  catalogue: CatalogueEntry[];
  staff: StaffOption[];
  canManage: boolean;
  onMade: (n: number) => void;
  onError: (message: string, code?: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const diagnosis = board.diagnosis;
  const [selected, setSelected] = useState<string[]>([]);
  const [assignees, setAssignees] = useState<Record<string, string | undefined>>({});
  const [{ fetching }, makeTasks] = useMutation(MakeTasksMutation);
  const [{ fetching: diagnosing }, runDiagnosis] = useMutation(RunDiagnosisMutation);

  const rerun = async () => {
    const result = await runDiagnosis({ input: { teamId, date: diagnosisDate } });
    if (result.data) onMade(-1);
    else onError(errorMessage(result.error) ?? t('error'), errorCode(result.error));
  };

  const withTask = useMemo(() => {
    const s = new Set<string>();
    for (const r of board.tasksByRole) for (const task of r.tasks) if (task.finding) s.add(task.finding.id);
    return s;
  }, [board]);

  const findings = diagnosis?.findings.filter((f) => f.current) ?? [];

  const run = async (picks: { findingId: string; assigneeId?: string }[] | undefined) => {
    if (!diagnosis) return;
    const result = await makeTasks({ input: { diagnosisId: diagnosis.id, picks } });
    if (result.data) {
      setSelected([]);
      setAssignees({});
      onMade(result.data.createTasksFromDiagnosis.tasks.length);
    } else {
      onError(errorMessage(result.error) ?? t('error'), errorCode(result.error));
    }
  };

  const fmt = (f: Finding, v: string | null | undefined) => formatByUnit(i18n, catalogueByName(f.metric, catalogue)?.unit, v);

  const columns = [
    {
      title: t('severity'),
      dataIndex: 'severity',
      width: 80,
      render: (s: Severity) => <Tag color={SEVERITY_COLOR[s]}>{t(s)}</Tag>,
    },
    {
      title: t('message'),
      key: 'message',
      render: (_: unknown, f: Finding) => (
        <div>
          <div data-testid="finding-message">{f.message}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.code} · {t('observed')} {fmt(f, f.observed)} · {t('expected')} {fmt(f, f.expected)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('ownerRole'),
      key: 'owner',
      width: 130,
      render: (_: unknown, f: Finding) => (
        <div data-testid="finding-owner">
          <div>{i18n.tx(f.ownerRole)}</div>
          {f.ownerStaff && <Typography.Text type="secondary">{f.ownerStaff.name}</Typography.Text>}
        </div>
      ),
    },
    {
      title: t('suggestedAction'),
      dataIndex: 'suggestedAction',
      render: (s: string) => <span data-testid="finding-action">{s}</span>,
    },
    ...(canManage
      ? [
          {
            title: t('assignee'),
            key: 'assignee',
            width: 180,
            render: (_: unknown, f: Finding) =>
              withTask.has(f.id) ? (
                <Tag color="green" data-testid="finding-has-task">{t('hasTask')}</Tag>
              ) : (
                <Select
                  size="small"
                  allowClear
                  style={{ width: 160 }}
                  data-testid="finding-assignee"
                  placeholder={f.ownerStaff?.name ?? t('assigneeDefault')}
                  value={assignees[f.id]}
                  onChange={(v: string | undefined) => {
                    setAssignees((a) => ({ ...a, [f.id]: v }));
                    if (v) setSelected((s) => (s.includes(f.id) ? s : [...s, f.id]));
                  }}
                  options={[...staff]
                    .sort((a, b) => Number(b.role === f.ownerRole) - Number(a.role === f.ownerRole))
                    .map((p) => ({ value: p.id, label: `${p.name}${p.role ? ` · ${i18n.tx(p.role)}` : ''}` }))}
                />
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="board-findings"
      title={
        <Space wrap>
          {t('findings')}
          {diagnosis && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('findingsOf', { date: i18n.date(diagnosis.date) })}
            </Typography.Text>
          )}
          {board.findingCounts.map((c) => (
            <Tag key={c.severity} color={SEVERITY_COLOR[c.severity]} data-testid={`finding-count-${c.severity}`}>
              {t(c.severity)} {c.count}
            </Tag>
          ))}
        </Space>
      }
      extra={
        canManage ? (
          <Space>
            <Button
              icon={<ExperimentOutlined />}
              loading={diagnosing}
              data-testid="run-diagnosis"
              type={diagnosis ? 'default' : 'primary'}
              onClick={rerun}
            >
              {diagnosis ? t('rerunDiagnosis') : t('runDiagnosis')}
            </Button>
            {diagnosis && findings.some((f) => !withTask.has(f.id)) && (
              <Button
                type="primary"
                icon={<ThunderboltOutlined />}
                loading={fetching}
                data-testid="make-tasks"
                data-mode={selected.length > 0 ? 'selected' : 'all'}
                onClick={() =>
                  run(
                    selected.length > 0
                      ? selected.map((id) => ({ findingId: id, ...(assignees[id] ? { assigneeId: assignees[id] } : {}) }))
                      : undefined,
                  )
                }
              >
                {selected.length > 0 ? t('makeTasksSelected', { n: selected.length }) : t('makeTasksAll')}
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      {!diagnosis ? (
        <Empty description={t('noDiagnosis')} data-testid="no-diagnosis" />
      ) : (
        <>
          <Table<Finding>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={findings}
            locale={{ emptyText: t('noFindings') }}
            columns={columns}
            onRow={(f) =>
              ({
                'data-testid': 'finding-row',
                'data-finding-id': f.id,
                'data-severity': f.severity,
                'data-code': f.code,
              }) as React.HTMLAttributes<HTMLElement>
            }
            rowSelection={
              canManage
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (f) => ({ disabled: withTask.has(f.id) }),
                  }
                : undefined
            }
          />
          {diagnosis.skipped.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }} data-testid="findings-skipped">
              {t('skipped')}: {diagnosis.skipped.map((s) => `${s.code} (${s.reason})`).join('; ')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}

function AwaitingCard({ board, catalogue }: { board: Board; catalogue: CatalogueEntry[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  type Row = Board['awaitingVerification'][number];
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('awaiting')} data-testid="board-awaiting">
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={board.awaitingVerification}
        locale={{ emptyText: t('noAwaiting') }}
        onRow={(r) => ({ 'data-testid': 'awaiting-row', 'data-task-id': r.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('title'), dataIndex: 'title' },
          { title: t('ownerRole'), dataIndex: 'role', width: 110, render: (r: string) => i18n.tx(r) },
          { title: t('assignee'), key: 'assignee', width: 130, render: (_: unknown, r: Row) => r.assignee?.name ?? '—' },
          {
            title: t('metric'),
            key: 'metric',
            render: (_: unknown, r: Row) => r.verification?.metric ?? '—',
          },
          {
            title: t('raised'),
            key: 'raised',
            render: (_: unknown, r: Row) => (r.verification ? verificationValue(i18n, catalogue, r.verification.metric, r.verification.raisedValue, r.verification.raisedOn) : '—'),
          },
          {
            title: t('measured'),
            key: 'measured',
            render: (_: unknown, r: Row) =>
              r.verification ? verificationValue(i18n, catalogue, r.verification.metric, r.verification.measuredValue, r.verification.measuredOn) : '—',
          },
          {
            title: t('status'),
            key: 'firing',
            width: 110,
            render: (_: unknown, r: Row) => {
              const v = r.verification;
              if (!v || v.stillFiring == null) return <Tag data-testid="verification-state" data-state="pending">{t('pendingData')}</Tag>;
              return v.stillFiring ? (
                <Tag color="red" data-testid="verification-state" data-state="firing">{t('stillFiring')}</Tag>
              ) : (
                <Tag color="green" data-testid="verification-state" data-state="fixed">{t('fixed')}</Tag>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

function verificationValue(i18n: I18n, catalogue: CatalogueEntry[], metric: string, value: string | null | undefined, on: string) {
  return (
    <span>
      {formatByUnit(i18n, catalogueByName(metric, catalogue)?.unit, value)}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {i18n.date(on)}
      </Typography.Text>
    </span>
  );
}
