import { useState } from 'react';
import { useMutation } from 'urql';
import { App as AntApp, Button, Form, Input, Space, Tag } from 'antd';
import { CheckOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../client';
import { showRefusal } from './teamForm';
import { AddStaffAliasMutation, RemoveStaffAliasMutation, type StaffRow } from './StaffQueries';

/** The API's limit on an alias (schema docs). */
const ALIAS_MAX = 64;

/**
 * A person's chat aliases (旺旺子账号 and the names they go by in 企业微信 / 钉钉 / 飞书 groups and
 * exports), through which imports find them: each removable, and one more added in place. An
 * alias is unique within the team: one already taken is refused at the input, in the API's words.
 */
export function StaffAliases({ person, onChange }: { person: StaffRow; onChange: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ alias: string }>();
  const [adding, setAdding] = useState(false);
  const [{ fetching }, add] = useMutation(AddStaffAliasMutation);
  const [, remove] = useMutation(RemoveStaffAliasMutation);

  return (
    <Space size={[4, 4]} wrap data-testid="staff-aliases">
      {(person.aliases ?? []).map((a) => (
        <Tag
          key={a.id}
          closable
          data-testid="staff-alias"
          data-alias={a.alias}
          closeIcon={<CloseOutlined data-testid="alias-remove" aria-label={t('staffAliasRemove', { alias: a.alias })} />}
          onClose={async (e) => {
            // The tag goes when the API has removed the alias, not before.
            e.preventDefault();
            const result = await remove({ input: { id: a.id } });
            if (result.error) message.error(errorMessage(result.error));
            else onChange();
          }}
        >
          {a.alias}
        </Tag>
      ))}
      {adding ? (
        <Form
          form={form}
          layout="inline"
          onFinish={async ({ alias }) => {
            const result = await add({ input: { staffId: person.id, alias: alias.trim() } });
            if (result.error) return showRefusal(form, result.error, ['alias'], message.error, 'alias');
            form.resetFields();
            setAdding(false);
            onChange();
          }}
        >
          {/* The outer item shows the inner one's errors, under the input and its button. */}
          <Form.Item style={{ margin: 0, width: 220 }}>
            <Space.Compact>
              <Form.Item
                name="alias"
                noStyle
                rules={[
                  { required: true, whitespace: true, message: t('staffAliasRequired') },
                  { max: ALIAS_MAX, message: t('staffTooLong', { n: ALIAS_MAX }) },
                ]}
              >
                <Input
                  size="small"
                  autoFocus
                  maxLength={ALIAS_MAX}
                  placeholder={t('staffAliasPlaceholder')}
                  data-testid="alias-input"
                  onKeyDown={(e) => e.key === 'Escape' && setAdding(false)}
                />
              </Form.Item>
              <Button size="small" type="primary" htmlType="submit" icon={<CheckOutlined />} loading={fetching} data-testid="alias-submit" aria-label={t('staffAliasAdd')} />
            </Space.Compact>
          </Form.Item>
        </Form>
      ) : (
        <Button size="small" type="dashed" icon={<PlusOutlined />} data-testid="alias-add" onClick={() => setAdding(true)}>
          {t('staffAliasAdd')}
        </Button>
      )}
    </Space>
  );
}
