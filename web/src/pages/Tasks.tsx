import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { Alert, Badge, Button, Card, Empty, Grid, Segmented, Select, Space, Spin, Switch, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { StaffRole, TaskCardFieldsFragment, TaskColumnFieldsFragment, TaskStatus } from '../gql/graphql';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { errorMessage } from '../client';
import { useTaskEvents } from '../liveTasks';
import { TaskBoardQuery, TaskColumnMoreQuery } from './tasks/queries';
import { TaskActionsProvider } from './tasks/actions';
import { TaskCard } from './tasks/TaskCard';
import { TaskDrawer, type Person } from './tasks/TaskDrawer';
import { NewTaskModal } from './tasks/NewTaskModal';
import { LoadFailed } from '../components/LoadFailed';

const STATUSES: TaskStatus[] = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'VERIFIED', 'CANCELLED'];
const ROLES: StaffRole[] = ['CUSTOMER_SERVICE', 'DESIGNER', 'PROMOTION', 'OPERATIONS'];

/**
 * 任务: the team's tasks by status (a manager's whole team, a staff member's own: the API
 * decides), live from `taskEvents`. A card offers only the moves `allowedMoves` gives the
 * caller; a move on an old version says so and offers a reload. On a phone a staff member's
 * "我的任务" is one status at a time. The open task is in the address (`?task=`), so a link to it
 * can be shared in the team's chat.
 */
export default function TasksPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const team = session.team!;
  const wide = Grid.useBreakpoint().md ?? true;
  const [params, setParams] = useSearchParams();
  const role = (params.get('role') as StaffRole | null) ?? undefined;
  const assigneeId = params.get('assignee') ?? undefined;
  const overdue = params.get('overdue') === '1' ? true : undefined;
  const openId = params.get('task');
  const setParam = useCallback(
    (key: string, value: string | null) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: key !== 'task' },
      ),
    [setParams],
  );

  const variables = { teamId: team.id, role, assigneeId, overdue, canManage: session.canManage };
  const [{ data, error, fetching }, refetch] = useQuery({ query: TaskBoardQuery, variables });
  // Later pages of a column ("load more"), dropped whenever the board reloads.
  const [more, setMore] = useState<Partial<Record<TaskStatus, TaskColumnFieldsFragment>>>({});
  const [stale, setStale] = useState(false);
  const [reload, setReload] = useState(0);
  const [creating, setCreating] = useState(false);

  const reloadAll = useCallback(() => {
    setMore({});
    setStale(false);
    setReload((n) => n + 1);
    refetch({ requestPolicy: 'network-only' });
  }, [refetch]);
  const { events, live } = useTaskEvents(team.id, reloadAll);
  const onStale = useCallback(() => setStale(true), []);

  const client = useClient();
  const loadMore = async (status: TaskStatus, after: string) => {
    const filter = { teamId: team.id, role, assigneeId, overdue, status: [status] };
    const result = await client.query(TaskColumnMoreQuery, { filter, after }, { requestPolicy: 'network-only' }).toPromise();
    const page = result.data?.tasks;
    if (!page) return;
    setMore((m) => {
      const had = m[status];
      return { ...m, [status]: { ...page, nodes: [...(had?.nodes ?? []), ...page.nodes] } };
    });
  };

  const people: Person[] = useMemo(() => data?.staff?.nodes ?? [], [data]);

  if (!data && fetching) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!data)
    return (
      <LoadFailed error={error} onRetry={reloadAll} />
    );

  const columns = STATUSES.map((status) => {
    const first = data[status];
    const extra = more[status];
    return {
      status,
      total: first.totalCount,
      tasks: [...first.nodes, ...(extra?.nodes ?? [])],
      next: extra ? extra.pageInfo : first.pageInfo,
    };
  });
  const open = (id: string) => setParam('task', id);

  return (
    <TaskActionsProvider onStale={onStale}>
      <div data-testid="task-board" data-events={events}>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {session.canManage ? t('taskBoard') : t('myTasks')}
          </Typography.Title>
          <Space wrap>
            {session.canManage && (
              <>
                <Select
                  allowClear
                  style={{ width: 130 }}
                  placeholder={t('allRoles')}
                  value={role}
                  data-testid="filter-role"
                  options={ROLES.map((r) => ({ value: r, label: t(r) }))}
                  onChange={(v?: string) => setParam('role', v ?? null)}
                />
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 140 }}
                  placeholder={t('allPeople')}
                  value={assigneeId}
                  data-testid="filter-assignee"
                  options={people.map((p) => ({ value: p.id, label: p.name }))}
                  onChange={(v?: string) => setParam('assignee', v ?? null)}
                />
              </>
            )}
            <Space size={4}>
              <Switch size="small" checked={!!overdue} data-testid="filter-overdue" onChange={(on) => setParam('overdue', on ? '1' : null)} />
              {t('onlyOverdue')}
            </Space>
            {live && <Badge status="processing" text="live" />}
            <Button icon={<ReloadOutlined />} loading={fetching} data-testid="tasks-refresh" onClick={reloadAll} />
            {session.canManage && (
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-task" onClick={() => setCreating(true)}>
                {t('newTask')}
              </Button>
            )}
          </Space>
        </Space>

        {stale && (
          <Alert
            type="warning"
            showIcon
            data-testid="stale"
            title={t('staleTitle')}
            description={t('staleText')}
            style={{ marginBottom: 16 }}
            action={
              <Button type="primary" size="small" data-testid="stale-reload" onClick={reloadAll}>
                {t('reload')}
              </Button>
            }
          />
        )}
        {error && <Alert type="warning" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}

        {wide ? (
          <div style={{ display: 'flex', gap: 12, overflowX: 'auto', alignItems: 'flex-start', paddingBottom: 8 }}>
            {columns.map((c) => (
              <Card
                key={c.status}
                size="small"
                data-testid="task-column"
                data-status={c.status}
                style={{ minWidth: 188, flex: '1 0 188px', background: 'rgba(0,0,0,0.02)' }}
                title={
                  <Space>
                    {t(c.status)}
                    <Badge count={c.total} showZero color="#8c8c8c" data-testid="column-count" data-count={c.total} />
                  </Space>
                }
              >
                <Column column={c} onOpen={open} onMore={loadMore} />
              </Card>
            ))}
          </div>
        ) : (
          <PhoneList columns={columns} onOpen={open} onMore={loadMore} />
        )}

        <TaskDrawer
          id={openId}
          people={people}
          canManage={session.canManage}
          reload={reload}
          onStale={onStale}
          onClose={() => setParam('task', null)}
          wide={wide}
        />
        {session.canManage && <NewTaskModal teamId={team.id} people={people} open={creating} onClose={() => setCreating(false)} />}
      </div>
    </TaskActionsProvider>
  );
}

interface ColumnData {
  status: TaskStatus;
  total: number;
  tasks: TaskCardFieldsFragment[];
  next: { hasNextPage: boolean; endCursor?: string | null };
}

function Column({ column, onOpen, onMore }: { column: ColumnData; onOpen: (id: string) => void; onMore: (s: TaskStatus, after: string) => void }) {
  const { t } = useI18n();
  if (column.tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noTasksHere')} />;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {column.tasks.map((task) => (
        <TaskCard key={task.id} task={task} onOpen={onOpen} />
      ))}
      {column.next.hasNextPage && column.next.endCursor && (
        <Button block size="small" data-testid="column-more" onClick={() => onMore(column.status, column.next.endCursor!)}>
          {t('loadMore')} · {t('showingOf', { shown: column.tasks.length, total: column.total })}
        </Button>
      )}
    </Space>
  );
}

/** A phone's board: one status at a time, the open ones first, the first with work picked. */
function PhoneList({ columns, onOpen, onMore }: { columns: ColumnData[]; onOpen: (id: string) => void; onMore: (s: TaskStatus, after: string) => void }) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<TaskStatus | null>(null);
  const shown = picked ?? columns.find((c) => c.total > 0)?.status ?? 'TODO';
  const column = columns.find((c) => c.status === shown)!;
  return (
    <div data-testid="tasks-phone">
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented<TaskStatus>
          value={shown}
          onChange={setPicked}
          data-testid="phone-status"
          options={columns.map((c) => ({ value: c.status, label: `${t(c.status)} ${c.total}` }))}
        />
      </div>
      <Column column={column} onOpen={onOpen} onMore={onMore} />
    </div>
  );
}
