import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { App as AntApp, Button, Card, Form, Input, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { BonusKind, BonusRuleInput, CommissionMetric, RelativeMetric, SettingsBonusPlansQuery, StaffRole } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../client';
import { LoadFailed } from '../../components/LoadFailed';
import { BonusPlansQuery, ResetBonusPlanMutation, SetBonusPlanMutation } from './rulesQueries';
import { compare, errorAtRow, isDecimal, keepingLoaded, metricLabel, numberRule, rowErrors, type Codec } from './rulesForm';
import { RoleSwitch, UnitInput } from './rulesInputs';

type Plan = SettingsBonusPlansQuery['bonusPlans'][number];
type Catalogue = SettingsBonusPlansQuery['metricCatalogue'];
type RuleKind = Exclude<BonusKind, 'ADJUSTMENT'>;

const KINDS: RuleKind[] = ['GRADE_BONUS', 'SCORE_BONUS', 'COMMISSION', 'PER_UNIT_OVER_THRESHOLD', 'TEAM_RELATIVE'];
const COMMISSION_METRICS: CommissionMetric[] = ['SALES_AMOUNT', 'ATTRIBUTED_AMOUNT', 'PAID_AMOUNT', 'NET_PROFIT'];
const RELATIVE_METRICS: RelativeMetric[] = [
  'SCORE',
  'SALES_AMOUNT',
  'INQUIRY_CONVERSION',
  'CS_AOV',
  'REPLY_RATE',
  'ON_TIME_RATE',
  'DELIVERED',
  'OWNED_CONVERSION',
  'ROI',
  'CTR',
  'ATTRIBUTED_AMOUNT',
  'PAID_AMOUNT',
  'CONVERSION_RATE',
  'NET_PROFIT',
];
const GRADES = ['s', 'a', 'b', 'c', 'd'] as const;
/** §8's coefficients, a new GRADE_BONUS's start. */
const DEFAULT_COEFFICIENTS = { s: '1.5', a: '1.2', b: '1.0', c: '0.6', d: '0' };
/** The API's bound of a commission tier's completion (1000 = 100 000 %) and of an Int. */
const MAX_COMPLETION = '1000';
const MAX_INT = '2147483647';

/** A rule as the form holds it: every kind's parameters (the kind's are sent), rates in percent. */
interface RuleLine {
  code: string;
  kind: RuleKind;
  base: string;
  coefficients: Record<(typeof GRADES)[number], string>;
  commissionMetric: CommissionMetric;
  rate: string;
  tiers: { completion: string; rate: string }[];
  amount: string;
  threshold: string;
  pool: string;
  relativeMetric: RelativeMetric;
}

const blank: Omit<RuleLine, 'kind'> = {
  code: '',
  base: '',
  coefficients: DEFAULT_COEFFICIENTS,
  commissionMetric: 'SALES_AMOUNT',
  rate: '',
  tiers: [],
  amount: '1.00',
  threshold: '500',
  pool: '',
  relativeMetric: 'SCORE',
};

function toLine(codec: Codec, rule: Plan['rules'][number]): RuleLine {
  const line: RuleLine = { ...blank, code: rule.code, kind: rule.kind as RuleKind };
  const p = rule.params;
  switch (p.__typename) {
    case 'GradeBonus':
      return { ...line, base: p.base, coefficients: { s: p.coefficients.s, a: p.coefficients.a, b: p.coefficients.b, c: p.coefficients.c, d: p.coefficients.d } };
    case 'ScoreBonus':
      return { ...line, base: p.base };
    case 'Commission':
      return {
        ...line,
        commissionMetric: p.commissionMetric,
        rate: codec.toInput(p.rate, 'RATE'),
        tiers: p.tiers.map((x) => ({ completion: codec.toInput(x.completion, 'RATE'), rate: codec.toInput(x.rate, 'RATE') })),
      };
    case 'PerUnitOverThreshold':
      return { ...line, amount: p.amount, threshold: String(p.threshold) };
    case 'TeamRelative':
      return { ...line, pool: p.pool, relativeMetric: p.relativeMetric };
  }
}

function toInputRule(codec: Codec, l: RuleLine): BonusRuleInput {
  const code = l.code.trim() ? l.code.trim().toUpperCase() : undefined;
  switch (l.kind) {
    case 'GRADE_BONUS': {
      const [s, a, b, c, d] = GRADES.map((g) => codec.fromInput(l.coefficients[g], 'RATIO'));
      return { code, gradeBonus: { base: codec.fromInput(l.base, 'MONEY'), coefficients: { s, a, b, c, d } } };
    }
    case 'SCORE_BONUS':
      return { code, scoreBonus: { base: codec.fromInput(l.base, 'MONEY') } };
    case 'COMMISSION':
      return {
        code,
        commission: {
          metric: l.commissionMetric,
          rate: codec.fromInput(l.rate, 'RATE'),
          tiers: (l.tiers ?? []).map((x) => ({ completion: codec.fromInput(x.completion, 'RATE'), rate: codec.fromInput(x.rate, 'RATE') })),
        },
      };
    case 'PER_UNIT_OVER_THRESHOLD':
      return { code, perUnitOverThreshold: { amount: codec.fromInput(l.amount, 'MONEY'), threshold: Number(l.threshold) } };
    case 'TEAM_RELATIVE':
      return { code, teamRelative: { pool: codec.fromInput(l.pool, 'MONEY'), metric: l.relativeMetric } };
  }
}

/**
 * 奖金方案: each role's bonus plan (§8), the default or the team's own: its rules in payroll
 * order, each a kind with that kind's parameters (grade amounts and coefficients, a score bonus,
 * a commission and its tiers by target completion, an amount per unit over a threshold, a pool
 * shared against the role's average), edited and saved as a whole, or reset to the default.
 */
export function BonusPlanSettings({ teamId }: { teamId: string }) {
  const [role, setRole] = useState<StaffRole>('CUSTOMER_SERVICE');
  const [{ data, error, fetching }, refetch] = useQuery({ query: BonusPlansQuery, variables: { teamId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });

  let body: React.ReactNode;
  if (!data && fetching) body = <Spin style={{ display: 'block', margin: 48 }} />;
  else if (!data) body = <LoadFailed error={error} onRetry={reload} />;
  else {
    const plan = data.bonusPlans.find((p) => p.role === role);
    body = plan && (
      // A fresh form whenever the stored plan changes.
      <PlanForm key={`${role}/${plan.updatedAt}/${plan.isDefault}`} teamId={teamId} plan={plan} catalogue={data.metricCatalogue} onSaved={reload} />
    );
  }
  return (
    <div data-testid="bonus-plans" data-role={role}>
      <RoleSwitch value={role} onChange={setRole} testId="plan-role" />
      {body}
    </div>
  );
}

function PlanForm({ teamId, plan, catalogue, onSaved }: { teamId: string; plan: Plan; catalogue: Catalogue; onSaved: () => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ rules: RuleLine[] }>();
  const lines = Form.useWatch('rules', form) ?? [];
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [codec] = useState(keepingLoaded);
  const [initial] = useState(() => ({ rules: plan.rules.map((r) => toLine(codec, r)) }));
  const [{ fetching: saving }, setPlan] = useMutation(SetBonusPlanMutation);
  const [{ fetching: resetting }, resetPlan] = useMutation(ResetBonusPlanMutation);
  const role = plan.role;

  const label = (m: string) => (m === 'SCORE' ? t('totalScore') : metricLabel(lang, catalogue.find((d) => d.metric === m), m));
  // Only designers own products: the API refuses a per-unit rule, or owned conversion, elsewhere.
  const kinds = KINDS.filter((k) => role === 'DESIGNER' || k !== 'PER_UNIT_OVER_THRESHOLD');
  const relative = RELATIVE_METRICS.filter((m) => role === 'DESIGNER' || m !== 'OWNED_CONVERSION');
  const at = (i: number, ...fields: string[]) => errorAtRow(errors, i, ...fields);
  const codeOf = (l: RuleLine | undefined) => (l?.code?.trim() ? l.code.trim().toUpperCase() : (l?.kind ?? ''));
  const money = numberRule(i18n, { unit: 'MONEY', required: true, min: '0', money: true });
  const fraction = numberRule(i18n, { unit: 'RATE', required: true, min: '0', max: '1' });

  const act = async (done: Promise<{ error?: Parameters<typeof errorMessage>[0] }>) => {
    const result = await done;
    if (result.error) {
      setErrors(rowErrors(result.error));
      message.error(errorMessage(result.error));
      return;
    }
    message.success(t('saved'));
    onSaved();
  };

  return (
    <Card
      size="small"
      data-testid="plan"
      data-default={String(plan.isDefault)}
      title={
        <Space>
          {t('planOf', { role: t(role) })}
          <Tag color={plan.isDefault ? 'default' : 'blue'} data-testid="plan-state">
            {plan.isDefault ? t('planDefault') : t('planCustom', { at: i18n.dateTime(plan.updatedAt) })}
          </Tag>
        </Space>
      }
      extra={
        !plan.isDefault && (
          <Popconfirm title={t('planResetConfirm')} onConfirm={() => act(resetPlan({ input: { teamId, role } }))} okButtonProps={{ loading: resetting }}>
            <Button size="small" data-testid="plan-reset">
              {t('rulesResetToDefault')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Form<{ rules: RuleLine[] }>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={() => setErrors({})}
        onFinish={(v) => act(setPlan({ input: { teamId, role, rules: (v.rules ?? []).map((l) => toInputRule(codec, l)) } }))}
      >
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => {
                const line = lines[i];
                const kind = line?.kind;
                return (
                  <Card key={field.key} size="small" type="inner" style={{ marginBottom: 8 }} data-testid="plan-rule" data-index={i} data-kind={kind ?? ''}>
                    <Space wrap align="start" size={[12, 0]}>
                      <Form.Item name={[field.name, 'kind']} label={t('planRuleKind')} {...at(i, 'rules')}>
                        <Select<RuleKind> style={{ width: 170 }} data-testid="rule-kind" options={kinds.map((k) => ({ value: k, label: t(k) }))} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'code']}
                        label={t('planRuleCode')}
                        rules={[
                          {
                            validator: (_, code: string | undefined) => {
                              const c = code?.trim().toUpperCase() ?? '';
                              if (c && (!/^[A-Z0-9_]{1,40}$/.test(c) || c === 'ADJUSTMENT')) return Promise.reject(new Error(t('planRuleCodeFormat')));
                              return lines.some((o, j) => j !== i && codeOf(o) === codeOf(line)) ? Promise.reject(new Error(t('rulesCodeTwice'))) : Promise.resolve();
                            },
                          },
                        ]}
                        {...at(i, 'code')}
                      >
                        <Input style={{ width: 200 }} maxLength={40} placeholder={kind} data-testid="rule-code" />
                      </Form.Item>
                      {(kind === 'GRADE_BONUS' || kind === 'SCORE_BONUS') && (
                        <Form.Item name={[field.name, 'base']} label={t('planRuleBase')} rules={[money]} {...at(i, 'gradeBonus.base', 'scoreBonus.base')}>
                          <UnitInput unit="MONEY" style={{ width: 140 }} data-testid="rule-base" />
                        </Form.Item>
                      )}
                      {kind === 'COMMISSION' && (
                        <>
                          <Form.Item name={[field.name, 'commissionMetric']} label={t('planRuleMetric')} {...at(i, 'commission.metric')}>
                            <Select<CommissionMetric>
                              style={{ width: 200 }}
                              data-testid="rule-commission-metric"
                              options={COMMISSION_METRICS.map((m) => ({ value: m, label: label(m) }))}
                            />
                          </Form.Item>
                          <Form.Item name={[field.name, 'rate']} label={t('planRuleRate')} rules={[fraction]} {...at(i, 'commission.rate')}>
                            <UnitInput unit="RATE" style={{ width: 110 }} data-testid="rule-rate" />
                          </Form.Item>
                        </>
                      )}
                      {kind === 'PER_UNIT_OVER_THRESHOLD' && (
                        <>
                          <Form.Item name={[field.name, 'amount']} label={t('planRuleAmount')} rules={[money]} {...at(i, 'perUnitOverThreshold.amount', 'perUnitOverThreshold')}>
                            <UnitInput unit="MONEY" style={{ width: 120 }} data-testid="rule-amount" />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'threshold']}
                            label={t('planRuleThreshold')}
                            rules={[numberRule(i18n, { unit: 'COUNT', required: true, integer: true, min: '0', max: MAX_INT })]}
                            {...at(i, 'perUnitOverThreshold.threshold')}
                          >
                            <UnitInput unit="COUNT" style={{ width: 120 }} data-testid="rule-threshold" />
                          </Form.Item>
                        </>
                      )}
                      {kind === 'TEAM_RELATIVE' && (
                        <>
                          <Form.Item name={[field.name, 'pool']} label={t('planRulePool')} rules={[money]} {...at(i, 'teamRelative.pool')}>
                            <UnitInput unit="MONEY" style={{ width: 140 }} data-testid="rule-pool" />
                          </Form.Item>
                          <Form.Item name={[field.name, 'relativeMetric']} label={t('planRuleMetric')} {...at(i, 'teamRelative.metric')}>
                            <Select<RelativeMetric>
                              style={{ width: 230 }}
                              data-testid="rule-relative-metric"
                              options={relative.map((m) => ({ value: m, label: label(m) }))}
                            />
                          </Form.Item>
                        </>
                      )}
                      <Form.Item label=" ">
                        <Button icon={<DeleteOutlined />} danger onClick={() => remove(field.name)} data-testid="rule-remove" aria-label={t('rulesRemoveLine')} />
                      </Form.Item>
                    </Space>
                    {kind === 'GRADE_BONUS' && (
                      <Form.Item label={t('planCoefficients')} style={{ marginBottom: 0 }} {...at(i, 'gradeBonus.coefficients')}>
                        <Space wrap>
                          {GRADES.map((g) => (
                            <Form.Item
                              key={g}
                              name={[field.name, 'coefficients', g]}
                              rules={[numberRule(i18n, { unit: 'RATIO', required: true, min: '0', max: '10' })]}
                              style={{ marginBottom: 0 }}
                            >
                              <UnitInput unit="RATIO" prefix={g.toUpperCase()} style={{ width: 100 }} data-testid={`rule-coef-${g.toUpperCase()}`} />
                            </Form.Item>
                          ))}
                        </Space>
                      </Form.Item>
                    )}
                    {kind === 'COMMISSION' && (
                      <Form.Item label={t('planCommissionTiers')} style={{ marginBottom: 0 }} {...at(i, 'commission.tiers.completion', 'commission.tiers.rate')}>
                        <Form.List name={[field.name, 'tiers']}>
                          {(tiers, tierOps) => (
                            <Space orientation="vertical" size={4}>
                              {tiers.map((tier, j) => (
                                <Space key={tier.key} align="start" data-testid="rule-tier">
                                  <Typography.Text style={{ lineHeight: '32px' }}>{t('planFromCompletion')}</Typography.Text>
                                  <Form.Item
                                    name={[tier.name, 'completion']}
                                    style={{ marginBottom: 0 }}
                                    rules={[
                                      numberRule(i18n, { unit: 'RATE', required: true, above: '0', max: MAX_COMPLETION }),
                                      {
                                        validator: (_, c: string | undefined) => {
                                          const same = (o: { completion?: string } | undefined) =>
                                            !!c && isDecimal(c) && !!o?.completion && isDecimal(o.completion) && compare(o.completion, c) === 0;
                                          return (line?.tiers ?? []).some((o, k) => k !== j && same(o))
                                            ? Promise.reject(new Error(t('planCompletionTwice')))
                                            : Promise.resolve();
                                        },
                                      },
                                    ]}
                                  >
                                    <UnitInput unit="RATE" style={{ width: 110 }} data-testid="rule-tier-completion" />
                                  </Form.Item>
                                  <Typography.Text style={{ lineHeight: '32px' }}>→</Typography.Text>
                                  <Form.Item name={[tier.name, 'rate']} rules={[fraction]} style={{ marginBottom: 0 }}>
                                    <UnitInput unit="RATE" style={{ width: 110 }} data-testid="rule-tier-rate" />
                                  </Form.Item>
                                  <Button icon={<DeleteOutlined />} onClick={() => tierOps.remove(tier.name)} aria-label={t('rulesRemoveLine')} data-testid="rule-tier-remove" />
                                </Space>
                              ))}
                              <Button size="small" icon={<PlusOutlined />} onClick={() => tierOps.add({ completion: '', rate: '' })} data-testid="rule-tier-add">
                                {t('rulesAddTier')}
                              </Button>
                            </Space>
                          )}
                        </Form.List>
                      </Form.Item>
                    )}
                  </Card>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ ...blank, kind: 'GRADE_BONUS' })} data-testid="rule-add">
                {t('planAddRule')}
              </Button>
            </>
          )}
        </Form.List>
        <Space style={{ marginTop: 12, display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={() => form.resetFields()} data-testid="plan-discard">
            {t('rulesDiscard')}
          </Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="plan-save">
            {t('save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
