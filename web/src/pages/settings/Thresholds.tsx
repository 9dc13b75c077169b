import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { App as AntApp, Button, Card, Form, Space, Spin, Table, Tag, Typography } from 'antd';
import type { MetricUnit, SettingsThresholdsQuery, ThresholdKey } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../client';
import { formatByUnit } from '../../format';
import { LoadFailed } from '../../components/LoadFailed';
import { SetThresholdsMutation, ThresholdsQuery } from './rulesQueries';
import { compare, errorAt, errorsByItem, fromInput, isDecimal, numberRule, toInput } from './rulesForm';
import { UnitInput } from './rulesInputs';

type Threshold = SettingsThresholdsQuery['diagnosisThresholds'][number];

/** What each threshold measures (the ThresholdKey docs): shares and rates are fractions, typed in percent. */
const UNIT: Record<ThresholdKey, MetricUnit> = {
  SALES_HIGH_SHORTFALL: 'RATE',
  SALES_MEDIUM_SHORTFALL: 'RATE',
  TRAFFIC_DROP_RATIO: 'RATE',
  CONVERSION_DROP_RATIO: 'RATE',
  BOUNCE_RATE_MAX: 'RATE',
  VISIT_DEPTH_MIN: 'RATIO',
  AOV_HERO_MULTIPLE: 'RATIO',
  REFUND_SPIKE_MULTIPLE: 'RATIO',
  CS_MIN_INQUIRIES: 'COUNT',
  CS_CONVERSION_GAP: 'RATE',
  CS_FIRST_RESPONSE_MAX: 'SECONDS',
  AD_ROI_MIN: 'RATIO',
  AD_CTR_DROP_RATIO: 'RATE',
  STOCK_COVER_DAYS: 'COUNT',
  COMPETITOR_PRICE_RATIO: 'RATE',
  DSR_MIN: 'RATIO',
  DSR_DROP: 'RATIO',
};

/**
 * 诊断阈值: every threshold of the morning diagnosis (§5) with the value in force, §5's default
 * and whether it is the default; edited and saved together (the changed ones only), or one put
 * back on its default (`value: null`). The API's refusal of one is shown at its field.
 */
export function ThresholdsSettings({ teamId }: { teamId: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: ThresholdsQuery, variables: { teamId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (!data && fetching) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!data) return <LoadFailed error={error} onRetry={reload} />;
  const thresholds = data.diagnosisThresholds;
  // A fresh form whenever the values in force change.
  return <ThresholdTable key={thresholds.map((th) => th.value).join(',')} teamId={teamId} thresholds={thresholds} onSaved={reload} />;
}

function ThresholdTable({ teamId, thresholds, onSaved }: { teamId: string; thresholds: Threshold[]; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = AntApp.useApp();
  const [{ fetching: saving }, setThresholds] = useMutation(SetThresholdsMutation);
  const [form] = Form.useForm<Record<string, string>>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const send = async (changes: { key: ThresholdKey; value: string | null }[]) => {
    const result = await setThresholds({ input: { teamId, thresholds: changes } });
    if (result.error) {
      setErrors(errorsByItem(result.error, changes.map((c) => c.key)));
      message.error(errorMessage(result.error));
      return false;
    }
    message.success(t('saved'));
    return true;
  };

  const save = async () => {
    let values: Record<string, string>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const changes = thresholds.flatMap((th) => {
      const text = values[th.key]?.trim() ?? '';
      if (!isDecimal(text)) return [];
      const value = fromInput(text, UNIT[th.key]);
      return compare(value, th.value) === 0 ? [] : [{ key: th.key, value }];
    });
    if (changes.length === 0) return message.info(t('rulesNothingChanged'));
    if (await send(changes)) onSaved();
  };

  return (
    <Card size="small" data-testid="thresholds">
      <Form
        form={form}
        initialValues={Object.fromEntries(thresholds.map((th) => [th.key, toInput(th.value, UNIT[th.key])]))}
        onValuesChange={() => setErrors({})}
      >
        <Table<Threshold>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={thresholds}
          onRow={(th) => ({ 'data-testid': 'threshold-row', 'data-key': th.key, 'data-default': String(th.isDefault) }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('thresholdName'),
              key: 'what',
              render: (_, th) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{i18n.tx(`threshold_${th.key}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {th.key}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('thresholdValue'),
              key: 'value',
              width: 180,
              render: (_, th) => (
                <Form.Item
                  name={th.key}
                  style={{ margin: 0 }}
                  rules={[{ required: true, whitespace: true, message: t('thresholdRequired') }, numberRule(i18n, { unit: UNIT[th.key], min: '0' })]}
                  {...errorAt(errors, th.key)}
                >
                  <UnitInput unit={UNIT[th.key]} size="small" data-testid="threshold-input" />
                </Form.Item>
              ),
            },
            {
              title: t('rulesDefaultValue'),
              key: 'default',
              width: 120,
              render: (_, th) => <span data-testid="threshold-default">{formatByUnit(i18n, UNIT[th.key], th.defaultValue)}</span>,
            },
            {
              title: '',
              key: 'state',
              width: 200,
              render: (_, th) => (
                <Space>
                  <Tag color={th.isDefault ? 'default' : 'blue'} data-testid="threshold-state">
                    {th.isDefault ? t('rulesIsDefault') : t('rulesCustomized')}
                  </Tag>
                  {!th.isDefault && (
                    <Button
                      size="small"
                      data-testid="threshold-reset"
                      onClick={async () => (await send([{ key: th.key, value: null }])) && onSaved()}
                    >
                      {t('rulesResetToDefault')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <Button type="primary" style={{ marginTop: 12 }} loading={saving} onClick={save} data-testid="thresholds-save">
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}
