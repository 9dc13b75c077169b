import { useState } from 'react';
import { useMutation } from 'urql';
import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import type { Severity, StaffRole } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { errorMessage, fieldErrors } from '../../client';
import { CreateTaskMutation } from './queries';
import { fromLocalInput } from './dueTime';
import type { Person } from './TaskDrawer';

const ROLES: StaffRole[] = ['CUSTOMER_SERVICE', 'DESIGNER', 'PROMOTION', 'OPERATIONS'];

interface Values {
  title: string;
  detail?: string;
  role: StaffRole;
  assigneeId?: string;
  priority: Severity;
  dueAt?: string;
}

/**
 * A manual task (§6), the manager's. Left without an assignee, the API gives it to the role's
 * active person with the fewest open tasks; left without a due time, 18:00 today (team time).
 * The API's field errors are shown at their fields.
 */
export function NewTaskModal({ teamId, people, open, onClose }: { teamId: string; people: Person[]; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [{ fetching }, create] = useMutation(CreateTaskMutation);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const at = (field: string) => (errors[field] ? { validateStatus: 'error' as const, help: errors[field] } : {});

  return (
    <Modal
      open={open}
      title={t('newTask')}
      onCancel={onClose}
      okText={t('confirm')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: fetching, 'data-testid': 'new-task-submit' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ priority: 'MEDIUM' }}
        data-testid="new-task-form"
        onValuesChange={() => setErrors({})}
        onFinish={async (v) => {
          const result = await create({
            input: {
              teamId,
              title: v.title,
              detail: v.detail || undefined,
              role: v.role,
              assigneeId: v.assigneeId || undefined,
              priority: v.priority,
              dueAt: fromLocalInput(v.dueAt) ?? undefined,
            },
          });
          if (result.error) {
            setErrors(fieldErrors(result.error));
            message.error(errorMessage(result.error));
            return;
          }
          message.success(t('taskCreated'));
          onClose();
        }}
      >
        <Form.Item name="title" label={t('title')} rules={[{ required: true, whitespace: true, message: t('titleRequired') }, { max: 200 }]} {...at('title')}>
          <Input maxLength={200} data-testid="new-task-title" />
        </Form.Item>
        <Form.Item name="detail" label={t('detail')} rules={[{ max: 4000 }]} {...at('detail')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="role" label={t('role')} rules={[{ required: true, message: t('roleRequired') }]} {...at('role')}>
          <Select
            data-testid="new-task-role"
            options={ROLES.map((r) => ({ value: r, label: t(r) }))}
            onChange={() => form.setFieldValue('assigneeId', undefined)}
          />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('owner')} {...at('assigneeId')}>
          <Select
            allowClear
            placeholder={t('assigneeDefault')}
            disabled={!role}
            options={people.filter((p) => p.role === role).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="priority" label={t('priority')}>
          <Select options={(['HIGH', 'MEDIUM', 'LOW'] as const).map((p) => ({ value: p, label: t(p) }))} />
        </Form.Item>
        <Form.Item name="dueAt" label={t('dueAt')} {...at('dueAt')}>
          <Input type="datetime-local" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
