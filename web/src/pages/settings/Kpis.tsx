import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { App as AntApp, Button, Card, Form, Input, Select, Space, Spin, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type {
  Grade,
  KpiBasis,
  KpiDirection,
  Metric,
  MetricUnit,
  ScoringMethod,
  SettingsKpisQuery,
  StaffRole,
  TargetSource,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../client';
import { LoadFailed } from '../../components/LoadFailed';
import { KpisQuery, SetForcedDistributionMutation, SetRoleKpisMutation } from './rulesQueries';
import { compare, errorAt, errorAtRow, errorsByItem, isDecimal, keepingLoaded, metricLabel, numberRule, rowErrors, sum, type Codec } from './rulesForm';
import { RoleSwitch, UnitInput } from './rulesInputs';

type Kpi = SettingsKpisQuery['kpiLibrary'][number];
type Catalogue = SettingsKpisQuery['metricCatalogue'];

const METHODS: ScoringMethod[] = ['TIERS', 'LINEAR', 'TARGET_RATIO'];
const SOURCES: TargetSource[] = ['TARGET', 'FIXED', 'TEAM_AVERAGE'];
/** Grades a forced distribution may cap (D is the lowest and has none). */
const QUOTA_GRADES: Grade[] = ['S', 'A', 'B', 'C'];

/** A scorecard line as the form holds it: numbers as typed, rates in percent. */
interface Line {
  code: string;
  metric: Metric;
  basis: KpiBasis;
  direction: KpiDirection;
  method: ScoringMethod;
  weight: string;
  tiers: { threshold: string; score: string }[];
  worst: string;
  best: string;
  target: TargetSource;
  value: string;
  cap: string;
}

/** The unit of what a line scores: a completion is a fraction of the target, else the metric's value. */
function scoredUnit(catalogue: Catalogue, line: Pick<Line, 'basis' | 'metric'> | undefined): MetricUnit {
  if (!line || line.basis === 'COMPLETION') return 'RATE';
  return catalogue.find((d) => d.metric === line.metric)?.unit ?? 'RATIO';
}

/**
 * KPI 考核表: one role's scorecard (§7) at a time — each KPI's metric, basis, direction, scoring
 * method with its parameters, and weight; lines added, removed and edited, the weights' sum shown
 * (each weight counts as its share of it) — and the team's forced distribution. The API's
 * refusal of a line is shown at its field.
 */
export function KpiSettings({ teamId }: { teamId: string }) {
  const [role, setRole] = useState<StaffRole>('CUSTOMER_SERVICE');
  const [{ data, error, fetching }, refetch] = useQuery({ query: KpisQuery, variables: { teamId, role } });
  const reload = () => refetch({ requestPolicy: 'network-only' });

  let body: React.ReactNode;
  if (!data && fetching) body = <Spin style={{ display: 'block', margin: 48 }} />;
  else if (!data) body = <LoadFailed error={error} onRetry={reload} />;
  else
    body = (
      <>
        {/* A fresh form whenever the stored scorecard changes. */}
        <Scorecard
          key={`${role}/${JSON.stringify(data.kpiLibrary)}`}
          teamId={teamId}
          role={role}
          kpis={data.kpiLibrary}
          catalogue={data.metricCatalogue}
          onSaved={reload}
        />
        <ForcedDistribution key={JSON.stringify(data.forcedDistribution)} teamId={teamId} quotas={data.forcedDistribution} onSaved={reload} />
      </>
    );
  return (
    <div data-testid="kpis" data-role={role}>
      <RoleSwitch value={role} onChange={setRole} testId="kpi-role" />
      {body}
    </div>
  );
}

function toLine(codec: Codec, catalogue: Catalogue, k: Kpi): Line {
  const unit = scoredUnit(catalogue, k);
  return {
    code: k.code,
    metric: k.metric,
    basis: k.basis,
    direction: k.direction,
    method: k.method,
    weight: k.weight,
    tiers: (k.tiers ?? []).map((x) => ({ threshold: codec.toInput(x.threshold, unit), score: x.score })),
    worst: codec.toInput(k.worst, unit),
    best: codec.toInput(k.best, unit),
    target: k.target ?? 'TARGET',
    value: codec.toInput(k.value, unit),
    cap: k.cap ?? '1.2',
  };
}

function Scorecard({
  teamId,
  role,
  kpis,
  catalogue,
  onSaved,
}: {
  teamId: string;
  role: StaffRole;
  kpis: Kpi[];
  catalogue: Catalogue;
  onSaved: () => void;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ kpis: Line[] }>();
  const lines = Form.useWatch('kpis', form) ?? [];
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [codec] = useState(keepingLoaded);
  const [initial] = useState(() => ({ kpis: kpis.map((k) => toLine(codec, catalogue, k)) }));
  const [{ fetching: saving }, setRoleKpis] = useMutation(SetRoleKpisMutation);

  const weights = lines.map((l) => l?.weight?.trim() ?? '');
  const weightSum = sum(weights.filter(isDecimal));
  // Only a designer has owned-product conversion; the API refuses it on another role's scorecard.
  const metrics = catalogue.filter((d) => role === 'DESIGNER' || d.metric !== 'OWNED_CONVERSION');
  const at = (i: number, ...fields: string[]) => errorAtRow(errors, i, ...fields);

  const save = async (values: { kpis: Line[] }) => {
    const result = await setRoleKpis({
      input: {
        teamId,
        role,
        kpis: values.kpis.map((l) => {
          const unit = scoredUnit(catalogue, l);
          return {
            code: l.code.trim(),
            metric: l.metric,
            basis: l.basis,
            direction: l.direction,
            method: l.method,
            weight: codec.fromInput(l.weight, 'RATIO'),
            ...(l.method === 'TIERS' && {
              tiers: l.tiers.map((x) => ({ threshold: codec.fromInput(x.threshold, unit), score: codec.fromInput(x.score, 'RATIO') })),
            }),
            ...(l.method === 'LINEAR' && { worst: codec.fromInput(l.worst, unit), best: codec.fromInput(l.best, unit) }),
            ...(l.method === 'TARGET_RATIO' && {
              target: l.target,
              value: l.target === 'FIXED' ? codec.fromInput(l.value, unit) : undefined,
              cap: codec.fromInput(l.cap, 'RATIO'),
            }),
          };
        }),
      },
    });
    if (result.error) {
      setErrors(rowErrors(result.error));
      message.error(errorMessage(result.error));
      return;
    }
    message.success(t('saved'));
    onSaved();
  };

  const newLine = (): Partial<Line> => ({ basis: 'VALUE', method: 'TIERS', tiers: [{ threshold: '', score: '100' }], target: 'TARGET', cap: '1.2' });
  return (
    <Card size="small" title={t('kpiScorecardOf', { role: t(role) })} style={{ marginBottom: 16 }} data-testid="scorecard">
      <Form<{ kpis: Line[] }>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={() => setErrors({})}
        onFinish={save}
      >
        <Form.List name="kpis">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => {
                const line = lines[i];
                const unit = scoredUnit(catalogue, line);
                const method = line?.method;
                return (
                  <Card
                    key={field.key}
                    size="small"
                    type="inner"
                    style={{ marginBottom: 8 }}
                    data-testid="kpi-line"
                    data-index={i}
                    data-code={line?.code ?? ''}
                  >
                    <Space wrap align="start" size={[12, 0]}>
                      <Form.Item
                        name={[field.name, 'code']}
                        label={t('kpiCode')}
                        rules={[
                          { required: true, whitespace: true, message: t('numRequired') },
                          { max: 40 },
                          {
                            validator: (_, code: string | undefined) =>
                              lines.some((o, j) => j !== i && o?.code?.trim().toUpperCase() === code?.trim().toUpperCase())
                                ? Promise.reject(new Error(t('rulesCodeTwice')))
                                : Promise.resolve(),
                          },
                        ]}
                        {...at(i, 'code')}
                      >
                        <Input style={{ width: 230 }} maxLength={40} data-testid="kpi-code" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'metric']} label={t('metric')} rules={[{ required: true, message: t('numRequired') }]} {...at(i, 'metric')}>
                        <Select<Metric>
                          style={{ width: 230 }}
                          showSearch={{ optionFilterProp: 'label' }}
                          data-testid="kpi-metric"
                          options={metrics.map((d) => ({ value: d.metric, label: metricLabel(lang, d, d.metric) }))}
                          onChange={(m) => {
                            const def = catalogue.find((d) => d.metric === m);
                            if (def) form.setFieldValue(['kpis', field.name, 'direction'], def.direction);
                          }}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'basis']} label={t('kpiBasis')} {...at(i, 'basis')}>
                        <Select<KpiBasis>
                          style={{ width: 130 }}
                          data-testid="kpi-basis"
                          options={(['VALUE', 'COMPLETION'] as const).map((b) => ({ value: b, label: t(`kpiBasis_${b}`) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'direction']} label={t('kpiDirection')} {...at(i, 'direction')}>
                        <Select<KpiDirection>
                          style={{ width: 140 }}
                          data-testid="kpi-direction"
                          options={(['HIGHER', 'LOWER'] as const).map((d) => ({ value: d, label: t(`kpiDirection_${d}`) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'method']} label={t('method')} {...at(i, 'method')}>
                        <Select<ScoringMethod> style={{ width: 130 }} data-testid="kpi-method" options={METHODS.map((m) => ({ value: m, label: t(m) }))} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'weight']}
                        label={t('weight')}
                        rules={[numberRule(i18n, { unit: 'RATIO', required: true, above: '0' })]}
                        {...at(i, 'weight')}
                      >
                        <UnitInput unit="RATIO" style={{ width: 90 }} data-testid="kpi-weight" />
                      </Form.Item>
                      <Form.Item label=" ">
                        <Button icon={<DeleteOutlined />} danger onClick={() => remove(field.name)} data-testid="kpi-remove" aria-label={t('rulesRemoveLine')} />
                      </Form.Item>
                    </Space>
                    {method === 'TIERS' && (
                      <Form.Item label={t('kpiTiers')} style={{ marginBottom: 0 }} {...at(i, 'tiers', 'tiers.threshold', 'tiers.score')}>
                        <Form.List
                          name={[field.name, 'tiers']}
                          rules={[
                            {
                              validator: (_, tiers: unknown[] | undefined) =>
                                tiers?.length ? Promise.resolve() : Promise.reject(new Error(t('kpiTiersRequired'))),
                            },
                          ]}
                        >
                          {(tiers, tierOps, { errors: listErrors }) => (
                            <Space orientation="vertical" size={4} data-testid="kpi-tiers">
                              {tiers.map((tier) => (
                                <Space key={tier.key} align="start" data-testid="kpi-tier">
                                  <Typography.Text style={{ lineHeight: '32px' }}>{line?.direction === 'LOWER' ? '≤' : '≥'}</Typography.Text>
                                  <Form.Item name={[tier.name, 'threshold']} rules={[numberRule(i18n, { unit, required: true })]} style={{ marginBottom: 0 }}>
                                    <UnitInput unit={unit} style={{ width: 130 }} placeholder={t('kpiTierThreshold')} data-testid="kpi-tier-threshold" />
                                  </Form.Item>
                                  <Typography.Text style={{ lineHeight: '32px' }}>→</Typography.Text>
                                  <Form.Item name={[tier.name, 'score']} rules={[numberRule(i18n, { unit: 'RATIO', required: true, min: '0' })]} style={{ marginBottom: 0 }}>
                                    <UnitInput unit="RATIO" style={{ width: 90 }} placeholder={t('score')} data-testid="kpi-tier-score" />
                                  </Form.Item>
                                  <Button icon={<DeleteOutlined />} onClick={() => tierOps.remove(tier.name)} data-testid="kpi-tier-remove" aria-label={t('rulesRemoveLine')} />
                                </Space>
                              ))}
                              <Button size="small" icon={<PlusOutlined />} onClick={() => tierOps.add({ threshold: '', score: '' })} data-testid="kpi-tier-add">
                                {t('rulesAddTier')}
                              </Button>
                              <Form.ErrorList errors={listErrors} />
                            </Space>
                          )}
                        </Form.List>
                      </Form.Item>
                    )}
                    {method === 'LINEAR' && (
                      <Space wrap align="start">
                        <Form.Item name={[field.name, 'worst']} label={t('kpiWorst')} rules={[numberRule(i18n, { unit, required: true })]} {...at(i, 'worst')}>
                          <UnitInput unit={unit} style={{ width: 140 }} data-testid="kpi-worst" />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'best']}
                          label={t('kpiBest')}
                          dependencies={[['kpis', field.name, 'worst']]}
                          rules={[
                            numberRule(i18n, { unit, required: true }),
                            {
                              validator: (_, best: string | undefined) => {
                                const worst = line?.worst?.trim() ?? '';
                                const same = best && isDecimal(best) && isDecimal(worst) && compare(best, worst) === 0;
                                return same ? Promise.reject(new Error(t('kpiWorstBestSame'))) : Promise.resolve();
                              },
                            },
                          ]}
                          {...at(i, 'best')}
                        >
                          <UnitInput unit={unit} style={{ width: 140 }} data-testid="kpi-best" />
                        </Form.Item>
                      </Space>
                    )}
                    {method === 'TARGET_RATIO' && (
                      <Space wrap align="start">
                        <Form.Item name={[field.name, 'target']} label={t('kpiTargetSource')} {...at(i, 'target')}>
                          <Select<TargetSource>
                            style={{ width: 170 }}
                            data-testid="kpi-target"
                            options={SOURCES.map((s) => ({ value: s, label: t(`kpiSource_${s}`) }))}
                          />
                        </Form.Item>
                        {line?.target === 'FIXED' && (
                          <Form.Item
                            name={[field.name, 'value']}
                            label={t('kpiFixedTarget')}
                            rules={[
                              numberRule(i18n, { unit, required: true }),
                              {
                                validator: (_, v: string | undefined) =>
                                  v && isDecimal(v) && compare(v, '0') === 0 ? Promise.reject(new Error(t('numNotZero'))) : Promise.resolve(),
                              },
                            ]}
                            {...at(i, 'value')}
                          >
                            <UnitInput unit={unit} style={{ width: 140 }} data-testid="kpi-value" />
                          </Form.Item>
                        )}
                        <Form.Item
                          name={[field.name, 'cap']}
                          label={t('kpiCap')}
                          rules={[numberRule(i18n, { unit: 'RATIO', required: true, above: '0' })]}
                          {...at(i, 'cap')}
                        >
                          <UnitInput unit="RATIO" style={{ width: 90 }} data-testid="kpi-cap" />
                        </Form.Item>
                      </Space>
                    )}
                  </Card>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add(newLine())} data-testid="kpi-add">
                {t('kpiAdd')}
              </Button>
            </>
          )}
        </Form.List>
        <Space style={{ marginTop: 12, display: 'flex', justifyContent: 'space-between' }} wrap>
          {/* §7: the total is Σ(weight × score) / Σ weight, so weights need not add up to 100. */}
          <Typography.Text strong data-testid="kpi-weight-sum" data-sum={weightSum}>
            {t('kpiWeightSum', { sum: weightSum })}
          </Typography.Text>
          <Space>
            <Button onClick={() => form.resetFields()} data-testid="kpi-discard">
              {t('rulesDiscard')}
            </Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="kpi-save">
              {t('save')}
            </Button>
          </Space>
        </Space>
      </Form>
    </Card>
  );
}

/** The forced distribution (§7): at most this share of the graded people at each grade or better. */
function ForcedDistribution({ teamId, quotas, onSaved }: { teamId: string; quotas: SettingsKpisQuery['forcedDistribution']; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Partial<Record<Grade, string>>>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [{ fetching: saving }, setForced] = useMutation(SetForcedDistributionMutation);
  const [codec] = useState(keepingLoaded);
  const [initial] = useState(() => Object.fromEntries(quotas.map((q) => [q.grade, codec.toInput(q.max, 'RATE')])));

  const save = async (values: Partial<Record<Grade, string>>) => {
    const sent = QUOTA_GRADES.filter((g) => values[g]?.trim()).map((g) => ({ grade: g, max: codec.fromInput(values[g]!, 'RATE') }));
    const result = await setForced({ input: { teamId, quotas: sent } });
    if (result.error) {
      setErrors(errorsByItem(result.error, sent.map((q) => q.grade)));
      message.error(errorMessage(result.error));
      return;
    }
    message.success(t('saved'));
    onSaved();
  };

  return (
    <Card size="small" title={t('forcedDistribution')} data-testid="forced-distribution" data-quotas={quotas.length}>
      <Typography.Paragraph type="secondary">{t('forcedHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        colon={false}
        initialValues={initial}
        onValuesChange={() => setErrors({})}
        onFinish={save}
      >
        {QUOTA_GRADES.map((g) => (
          <Form.Item key={g} name={g} label={t('forcedGradeOrBetter', { grade: g })} rules={[numberRule(i18n, { unit: 'RATE', min: '0', max: '1' })]} {...errorAt(errors, g)}>
            <UnitInput unit="RATE" style={{ width: 100 }} placeholder={t('forcedNoQuota')} data-testid={`quota-${g}`} />
          </Form.Item>
        ))}
        <Form.Item>
          <Button htmlType="submit" loading={saving} data-testid="quota-save">
            {t('save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
