import { Card, Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, UserOutlined } from '@ant-design/icons';
import type { TaskCardFieldsFragment } from '../../gql/graphql';
import { SEVERITY_COLOR } from '../boardMetrics';
import { useI18n } from '../../i18n';
import { MoveButtons } from './actions';

/** A task on the board: what, who, when, why it is stuck, and the moves the caller may make. */
export function TaskCard({ task, onOpen }: { task: TaskCardFieldsFragment; onOpen: (id: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Card
      size="small"
      hoverable
      data-testid="task-card"
      data-task={task.id}
      data-status={task.status}
      data-assignee={task.assignee?.id ?? ''}
      onClick={() => onOpen(task.id)}
      styles={{ body: { padding: 10 } }}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text strong data-testid="task-title">
          {task.title}
        </Typography.Text>
        <Space size={4} wrap>
          <Tag color={SEVERITY_COLOR[task.priority]}>{t(task.priority)}</Tag>
          <Tag>{t(task.role)}</Tag>
          {task.overdue && (
            <Tag color="red" data-testid="task-overdue">
              {t('overdue')}
            </Tag>
          )}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <UserOutlined /> {task.assignee?.name ?? t('unassigned')} · <ClockCircleOutlined />{' '}
          {i18n.dateTime(task.dueAt)}
        </Typography.Text>
        {task.reason && (task.status === 'BLOCKED' || task.status === 'CANCELLED') && (
          <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="task-reason">
            {t('reason')}: {task.reason}
          </Typography.Text>
        )}
        <MoveButtons task={task} />
      </Space>
    </Card>
  );
}
