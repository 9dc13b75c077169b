import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { App as AntApp, Button, Input, Modal, Space } from 'antd';
import type { TaskStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { errorCode, errorMessage } from '../../client';
import { MoveTaskMutation } from './queries';
import { ActionsContext, useTaskActions, type MovableTask as Task } from './actionsContext';

const NEEDS_REASON: TaskStatus[] = ['BLOCKED', 'CANCELLED'];

/**
 * The moves of the page's cards and drawer: one reason dialog, one mutation, and a CONFLICT
 * (someone changed the task since it was loaded) handed to `onStale`, which offers a reload.
 */
export function TaskActionsProvider({ onStale, children }: { onStale: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [{ fetching }, moveTask] = useMutation(MoveTaskMutation);
  const [moving, setMoving] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ task: Task; to: TaskStatus } | null>(null);
  const [reason, setReason] = useState('');

  const send = useCallback(
    async (task: Task, to: TaskStatus, why?: string) => {
      setMoving(task.id);
      const result = await moveTask({ input: { id: task.id, version: task.version, to, reason: why } });
      setMoving(null);
      if (result.error) {
        if (errorCode(result.error) === 'CONFLICT') onStale();
        else message.error(errorMessage(result.error));
        return false;
      }
      message.success(t('moved', { status: t(to) }));
      return true;
    },
    [moveTask, onStale, message, t],
  );

  const move = useCallback(
    (task: Task, to: TaskStatus) => {
      if (NEEDS_REASON.includes(to)) {
        setReason('');
        setAsking({ task, to });
      } else void send(task, to);
    },
    [send],
  );

  const value = useMemo(() => ({ move, moving }), [move, moving]);
  const trimmed = reason.trim();
  return (
    <ActionsContext.Provider value={value}>
      {children}
      <Modal
        open={!!asking}
        title={asking ? t('moveReasonTitle', { status: t(asking.to) }) : ''}
        onCancel={() => setAsking(null)}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={() => setAsking(null)}>{t('cancel')}</Button>
            <Button
              type="primary"
              danger={asking?.to === 'CANCELLED'}
              disabled={!trimmed}
              loading={fetching}
              data-testid="move-confirm"
              onClick={async () => {
                if (asking) await send(asking.task, asking.to, trimmed);
                setAsking(null);
              }}
            >
              {t('confirm')}
            </Button>
          </Space>
        }
      >
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={4000}
          value={reason}
          placeholder={t('reasonRequired')}
          data-testid="move-reason"
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </ActionsContext.Provider>
  );
}

/** The moves the API allows the caller now (`allowedMoves`), as buttons. */
export function MoveButtons({ task, size = 'small' }: { task: Task; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const { move, moving } = useTaskActions();
  if (task.allowedMoves.length === 0) return null;
  return (
    <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
      {task.allowedMoves.map((to) => (
        <Button
          key={to}
          size={size}
          type={to === 'DONE' || to === 'VERIFIED' ? 'primary' : 'default'}
          danger={to === 'CANCELLED'}
          disabled={moving !== null}
          loading={moving === task.id}
          data-testid={`move-${to}`}
          onClick={() => move(task, to)}
        >
          {t(`move_${to}`)}
        </Button>
      ))}
    </Space>
  );
}
