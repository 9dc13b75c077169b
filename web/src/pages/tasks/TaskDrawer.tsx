import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  App as AntApp,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Severity, TaskDetailQuery } from '../../gql/graphql';
import { useI18n, type I18n } from '../../i18n';
import { errorCode, errorMessage, fieldErrors } from '../../client';
import { AddFollowUpMutation, AssignTaskMutation, TaskDetailQuery as TaskDetailDoc, UpdateTaskMutation } from './queries';
import { MoveButtons } from './actions';
import { SEVERITY_COLOR, catalogueByName } from '../boardMetrics';
import { formatByUnit, type CatalogueEntry } from '../../format';
import { fromLocalInput, toLocalInput } from './dueTime';

type Task = TaskDetailQuery['task'];
export interface Person {
  id: string;
  name: string;
  role?: string | null;
}

/**
 * One task in full: its detail and source finding, the moves, follow-ups, the audit trail and
 * (managers) reassigning and editing. `reload` changes when the page learns the task may have
 * changed (a live event, a stale version), so the drawer reloads too.
 */
export function TaskDrawer({
  id,
  people,
  canManage,
  reload,
  onStale,
  onClose,
  wide,
}: {
  id: string | null;
  people: Person[];
  canManage: boolean;
  reload: number;
  onStale: () => void;
  onClose: () => void;
  wide: boolean;
}) {
  const { t } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: TaskDetailDoc,
    variables: { id: id ?? '' },
    pause: !id,
  });
  useEffect(() => {
    if (id && reload) refetch({ requestPolicy: 'network-only' });
  }, [id, reload, refetch]);

  // A refused task comes back as an error beside the rest of the data (the catalogue), its own
  // field null whatever the schema's type says: check it.
  const task = data?.task && data.task.id === id ? data.task : undefined;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={wide ? 560 : '100%'}
      title={task?.title ?? t('detail')}
      data-testid="task-drawer"
      destroyOnHidden
    >
      {!task && fetching && <Spin />}
      {!task && !fetching && error && (
        <Result status="warning" title={errorMessage(error)} data-testid="task-error" data-code={errorCode(error)} />
      )}
      {task && data && <TaskBody task={task} catalogue={data.metricCatalogue} people={people} canManage={canManage} onStale={onStale} />}
    </Drawer>
  );
}

function TaskBody({
  task,
  catalogue,
  people,
  canManage,
  onStale,
}: {
  task: Task;
  catalogue: CatalogueEntry[];
  people: Person[];
  canManage: boolean;
  onStale: () => void;
}) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const { message } = AntApp.useApp();
  const [, assign] = useMutation(AssignTaskMutation);
  const open = task.status === 'TODO' || task.status === 'IN_PROGRESS' || task.status === 'BLOCKED';
  const unit = task.verification ? catalogueByName(task.verification.metric, catalogue)?.unit : undefined;
  const name = (id: string | null | undefined) => (id ? (people.find((p) => p.id === id)?.name ?? id) : '—');

  return (
    <div data-testid="task-detail" data-task={task.id} data-status={task.status} data-version={task.version}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Tag data-testid="task-status">{t(task.status)}</Tag>
        <MoveButtons task={task} size="middle" />
      </Space>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('role')}>{t(task.role)}</Descriptions.Item>
        <Descriptions.Item label={t('priority')}>
          <Tag color={SEVERITY_COLOR[task.priority]}>{t(task.priority)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('owner')}>
          {canManage && open ? (
            <Select
              style={{ minWidth: 180 }}
              value={task.assignee?.id}
              placeholder={t('unassigned')}
              data-testid="reassign"
              options={people.filter((p) => p.role === task.role).map((p) => ({ value: p.id, label: p.name }))}
              onChange={async (assigneeId: string) => {
                const result = await assign({ input: { id: task.id, version: task.version, assigneeId } });
                if (!result.error) message.success(t('reassigned', { name: name(assigneeId) }));
                else if (errorCode(result.error) === 'CONFLICT') onStale();
                else message.error(errorMessage(result.error));
              }}
            />
          ) : (
            (task.assignee?.name ?? t('unassigned'))
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('dueAt')}>
          <Typography.Text type={task.overdue ? 'danger' : undefined}>{i18n.dateTime(task.dueAt)}</Typography.Text>
          {task.overdue && <Tag color="red" style={{ marginLeft: 8 }}>{t('overdue')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('creator')}>
          {task.creator?.name ?? '—'} · {i18n.dateTime(task.createdAt)}
        </Descriptions.Item>
        {task.reason && <Descriptions.Item label={t('reason')}>{task.reason}</Descriptions.Item>}
        {task.detail && (
          <Descriptions.Item label={t('detail')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{task.detail}</Typography.Paragraph>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={task.finding ? t('fromFinding') : t('manualTask')}>
          {task.finding ? (
            <>
              <Tag>{task.finding.code}</Tag> {task.finding.message}
              <br />
              <Typography.Text type="secondary">
                {t('suggestedAction')}: {task.finding.suggestedAction}
              </Typography.Text>
            </>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        {task.verification && (
          <Descriptions.Item label={t('verification')}>
            <span data-testid="task-verification">
              {tx(task.verification.metric)}: {t('raised')} {i18n.date(task.verification.raisedOn)}{' '}
              {formatByUnit(i18n, unit, task.verification.raisedValue)} → {t('measured')} {i18n.date(task.verification.measuredOn)}{' '}
              {task.verification.measuredValue == null ? t('pendingData') : formatByUnit(i18n, unit, task.verification.measuredValue)}
              {task.verification.stillFiring != null && (
                <Tag color={task.verification.stillFiring ? 'red' : 'green'} style={{ marginLeft: 8 }}>
                  {task.verification.stillFiring ? t('stillFiring') : t('fixed')}
                </Tag>
              )}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>

      {canManage && open && <EditForm task={task} onStale={onStale} />}

      <Divider titlePlacement="start">{t('followUps')}</Divider>
      <FollowUps task={task} />

      <Divider titlePlacement="start">{t('auditTrail')}</Divider>
      <Timeline
        data-testid="audit-trail"
        items={task.auditTrail.map((a, i) => ({
          key: i,
          content: (
            <div data-testid="audit-entry" data-field={a.field}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i18n.dateTime(a.at)} · {a.actor?.name ?? '—'}
              </Typography.Text>
              <br />
              {tx(`audit_${a.field}`)}: {auditValue(i18n, a.field, a.before, name)} → {auditValue(i18n, a.field, a.after, name)}
            </div>
          ),
        }))}
      />
    </div>
  );
}

/** An audit value as a person reads it: a status or priority by name, an assignee by name, a time formatted. */
function auditValue(i18n: I18n, field: string, value: string | null | undefined, name: (id: string) => string): string {
  if (value == null || value === '') return '—';
  if (field === 'status' || field === 'priority') return i18n.tx(value);
  if (field === 'assignee') return name(value);
  if (field === 'dueAt' || field === 'completedAt') return i18n.dateTime(value);
  return value;
}

function EditForm({ task, onStale }: { task: Task; onStale: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [{ fetching }, update] = useMutation(UpdateTaskMutation);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const initial = { title: task.title, detail: task.detail, priority: task.priority, dueAt: toLocalInput(task.dueAt) };
  return (
    <>
      <Divider titlePlacement="start">{t('edit')}</Divider>
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={initial}
        key={task.version}
        data-testid="task-edit"
        onFinish={async (v: { title: string; detail: string; priority: Severity; dueAt: string }) => {
          setErrors({});
          const result = await update({
            input: {
              id: task.id,
              version: task.version,
              title: v.title,
              detail: v.detail ?? '',
              priority: v.priority,
              dueAt: fromLocalInput(v.dueAt) ?? undefined,
            },
          });
          if (!result.error) message.success(t('saved'));
          else if (errorCode(result.error) === 'CONFLICT') onStale();
          else {
            setErrors(fieldErrors(result.error));
            message.error(errorMessage(result.error));
          }
        }}
      >
        <Form.Item
          name="title"
          label={t('title')}
          rules={[{ required: true, whitespace: true, message: t('titleRequired') }, { max: 200 }]}
          validateStatus={errors.title ? 'error' : undefined}
          help={errors.title}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="detail" label={t('detail')} rules={[{ max: 4000 }]} validateStatus={errors.detail ? 'error' : undefined} help={errors.detail}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="priority" label={t('priority')}>
            <Select style={{ width: 100 }} options={(['HIGH', 'MEDIUM', 'LOW'] as const).map((p) => ({ value: p, label: t(p) }))} />
          </Form.Item>
          <Form.Item name="dueAt" label={t('dueAt')} validateStatus={errors.dueAt ? 'error' : undefined} help={errors.dueAt}>
            <Input type="datetime-local" />
          </Form.Item>
        </Space>
        <Button htmlType="submit" loading={fetching} data-testid="task-save">
          {t('save')}
        </Button>
      </Form>
    </>
  );
}

function FollowUps({ task }: { task: Task }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = AntApp.useApp();
  const [body, setBody] = useState('');
  const [{ fetching }, add] = useMutation(AddFollowUpMutation);
  return (
    <>
      {task.followUps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noFollowUps')} />
      ) : (
        <List
          size="small"
          data-testid="follow-ups"
          dataSource={task.followUps}
          renderItem={(f) => (
            <List.Item data-testid="follow-up">
              <List.Item.Meta
                title={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {f.author?.name ?? '—'} · {i18n.dateTime(f.createdAt)}
                  </Typography.Text>
                }
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{f.body}</span>}
              />
            </List.Item>
          )}
        />
      )}
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input.TextArea
          rows={2}
          maxLength={4000}
          value={body}
          placeholder={t('followUpPlaceholder')}
          data-testid="follow-up-input"
          onChange={(e) => setBody(e.target.value)}
        />
      </Space.Compact>
      <Button
        style={{ marginTop: 8 }}
        disabled={!body.trim()}
        loading={fetching}
        data-testid="follow-up-add"
        onClick={async () => {
          const result = await add({ input: { taskId: task.id, body: body.trim() } });
          if (result.error) message.error(errorMessage(result.error));
          else {
            setBody('');
            message.success(t('followUpAdded'));
          }
        }}
      >
        {t('addFollowUp')}
      </Button>
    </>
  );
}
