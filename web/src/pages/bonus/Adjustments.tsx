import { useState } from 'react';
import { useMutation } from 'urql';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table } from 'antd';
import type { BonusQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { errorMessage, fieldErrors } from '../../client';
import { AddAdjustmentMutation, RemoveAdjustmentMutation } from './queries';

type Adjustment = NonNullable<BonusQuery['bonusAdjustments']>['nodes'][number];

interface Values {
  staffId: string;
  amount: string;
  reason: string;
}

/** The month's manual adjustments: each with its reason; added and withdrawn while the month is open. */
export function Adjustments({
  teamId,
  month,
  open,
  adjustments,
  people,
  onChange,
}: {
  teamId: string;
  month: string;
  open: boolean;
  adjustments: Adjustment[];
  people: { id: string; name: string }[];
  onChange: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [{ fetching: adding }, add] = useMutation(AddAdjustmentMutation);
  const [, remove] = useMutation(RemoveAdjustmentMutation);
  const [why, setWhy] = useState('');
  const at = (field: string) => (errors[field] ? { validateStatus: 'error' as const, help: errors[field] } : {});

  return (
    <Card size="small" title={t('adjustments')} data-testid="adjustments">
      <Table<Adjustment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={adjustments}
        locale={{ emptyText: t('noAdjustments') }}
        onRow={() => ({ 'data-testid': 'adjustment-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('person'), key: 'person', render: (_, a) => a.staff?.name ?? '—' },
          { title: t('amount'), dataIndex: 'amount', align: 'right', render: (v: string) => i18n.money(v) },
          { title: t('reason'), dataIndex: 'reason' },
          { title: t('creator'), key: 'by', render: (_, a) => `${a.createdBy?.name ?? '—'} · ${i18n.dateTime(a.createdAt)}` },
          ...(open
            ? [
                {
                  title: '',
                  key: 'remove',
                  render: (_: unknown, a: Adjustment) => (
                    <Popconfirm
                      title={<Input placeholder={t('removeReason')} value={why} onChange={(e) => setWhy(e.target.value)} />}
                      okButtonProps={{ disabled: !why.trim() }}
                      onConfirm={async () => {
                        const result = await remove({ input: { id: a.id, reason: why.trim() } });
                        if (result.error) message.error(errorMessage(result.error));
                        setWhy('');
                        onChange();
                      }}
                    >
                      <Button size="small" danger>
                        {t('removeAdjustment')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {open && (
        <Form<Values>
          form={form}
          layout="inline"
          style={{ marginTop: 12 }}
          data-testid="adjustment-form"
          onValuesChange={() => setErrors({})}
          onFinish={async (v) => {
            const result = await add({ input: { teamId, month, staffId: v.staffId, amount: String(v.amount), reason: v.reason.trim() } });
            if (result.error) {
              setErrors(fieldErrors(result.error));
              message.error(errorMessage(result.error));
              return;
            }
            form.resetFields();
            message.success(t('adjustmentAdded'));
            onChange();
          }}
        >
          <Form.Item name="staffId" rules={[{ required: true, message: t('owner') }]} {...at('staffId')}>
            <Select style={{ width: 160 }} placeholder={t('person')} data-testid="adjustment-staff" options={people.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="amount" rules={[{ required: true, message: t('amountRequired') }]} {...at('amount')}>
            <InputNumber<string> stringMode step="0.01" precision={2} prefix="¥" placeholder={t('amount')} data-testid="adjustment-amount" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('reasonRequiredShort') }, { max: 500 }]} {...at('reason')}>
            <Input placeholder={t('reason')} maxLength={500} data-testid="adjustment-reason" style={{ width: 260 }} />
          </Form.Item>
          <Space>
            <Button htmlType="submit" loading={adding} data-testid="adjustment-add">
              {t('addAdjustment')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
