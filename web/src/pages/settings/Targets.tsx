import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { App as AntApp, Button, Card, Form, Input, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { Metric, MetricUnit, SettingsTargetsQuery, StaffRole } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { teamDays, useSession } from '../../session';
import { errorMessage } from '../../client';
import { formatByUnit } from '../../format';
import { LoadFailed } from '../../components/LoadFailed';
import { SetTargetsMutation, TargetsQuery } from './rulesQueries';
import { ROLES, compare, errorAt, errorsByItem, fromInput, isDecimal, metricLabel, numberRule, toInput } from './rulesForm';
import { UnitInput } from './rulesInputs';

type Data = SettingsTargetsQuery;
type Person = Data['staff']['nodes'][number];

/** §4: the team's own targets; the API refuses a team target of any other metric. */
const TEAM_METRICS: Metric[] = ['PAID_AMOUNT', 'CONVERSION_RATE', 'ROI', 'REFUND_RATE', 'NET_PROFIT'];
/** The metrics whose value may be below zero (a loss), hence their targets too. */
const SIGNED: Metric[] = ['NET_PROFIT', 'GROSS_PROFIT'];

/** A cell of the grid: a metric of the team (`staffId` null) or of one person. */
interface Cell {
  key: string;
  metric: Metric;
  staffId: string | null;
  unit: MetricUnit;
  stored?: string;
}

const cellKey = (staffId: string | null, metric: string) => `${staffId ?? 'team'}|${metric}`;

/**
 * 月度目标: a month's targets as a grid (the team's month by default, `?month=`): a row per
 * metric that takes targets, the team's column, then each active person's for the metrics their
 * role's scorecard scores against a target. Rates are typed in percent and stored as fractions.
 * Saving sends the changed cells only; the API's refusal of one is shown at its cell.
 */
export function TargetsSettings({ teamId }: { teamId: string }) {
  const { t } = useI18n();
  const team = useSession().team!;
  const [params, setParams] = useSearchParams();
  const current = teamDays(team.timeZone).today.slice(0, 7);
  const asked = params.get('month');
  const month = asked && /^\d{4}-\d{2}$/.test(asked) ? asked : current;
  const [{ data, error, fetching }, refetch] = useQuery({ query: TargetsQuery, variables: { teamId, month } });
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const pick = (m: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (m === current) next.delete('month');
      else next.set('month', m);
      return next;
    });

  let body: React.ReactNode;
  if (!data && fetching) body = <Spin style={{ display: 'block', margin: 48 }} />;
  else if (!data) body = <LoadFailed error={error} onRetry={reload} />;
  else {
    // A fresh form whenever the stored targets change (a save, another month).
    const version = data.targets.map((x) => `${x.staffId}:${x.metric}:${x.startsOn}:${x.value}`).join(',');
    body = <TargetGrid key={`${month}/${version}`} teamId={teamId} month={month} data={data} onSaved={reload} />;
  }
  return (
    <div data-testid="targets" data-month={month}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{t('month')}</Typography.Text>
        <Input
          type="month"
          style={{ width: 160 }}
          value={month}
          data-testid="targets-month"
          onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && pick(e.target.value)}
        />
        <Typography.Text type="secondary">{t('targetsHint')}</Typography.Text>
      </Space>
      {body}
    </div>
  );
}

function TargetGrid({ teamId, month, data, onSaved }: { teamId: string; month: string; data: Data; onSaved: () => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ cells: Record<string, string> }>();
  const typed = Form.useWatch('cells', form);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [{ fetching: saving }, setTargets] = useMutation(SetTargetsMutation);

  const grid = useMemo(() => {
    const catalogue = new Map(data.metricCatalogue.map((d) => [d.metric, d]));
    // A role's metrics scored against a target: a completion, or a ratio to the person's target.
    const byRole = new Map<StaffRole, Set<Metric>>(ROLES.map((r) => [r, new Set()]));
    for (const k of data.kpiLibrary)
      if (k.basis === 'COMPLETION' || (k.method === 'TARGET_RATIO' && k.target === 'TARGET')) byRole.get(k.role)?.add(k.metric);
    const stored = new Map<string, string>();
    const days = new Map<Metric, { startsOn: string; value: string }[]>();
    for (const x of data.targets) {
      if (x.period === 'MONTH') stored.set(cellKey(x.staffId ?? null, x.metric), x.value);
      else days.set(x.metric, [...(days.get(x.metric) ?? []), x]);
    }
    // Without a role, a person has no scorecard to hold targets against.
    const people = data.staff.nodes
      .filter((p): p is Person & { role: StaffRole } => p.role !== null)
      .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
    const takes = (staff: (typeof people)[number] | null, metric: Metric) =>
      staff ? byRole.get(staff.role)!.has(metric) || stored.has(cellKey(staff.id, metric)) : TEAM_METRICS.includes(metric);
    const metrics = data.metricCatalogue
      .map((d) => d.metric)
      .filter((m) => takes(null, m) || people.some((p) => takes(p, m)) || days.has(m));
    const cells = new Map<string, Cell>();
    for (const metric of metrics)
      for (const staff of [null, ...people])
        if (takes(staff, metric)) {
          const key = cellKey(staff?.id ?? null, metric);
          cells.set(key, { key, metric, staffId: staff?.id ?? null, unit: catalogue.get(metric)!.unit, stored: stored.get(key) });
        }
    return { catalogue, days, people, metrics, cells };
  }, [data]);

  const initialValues = {
    cells: Object.fromEntries([...grid.cells.values()].map((c) => [c.key, toInput(c.stored, c.unit)])),
  };
  /** The cells whose typed value differs from the stored one, with the value to send. */
  const changed = (values: Record<string, string> | undefined) =>
    [...grid.cells.values()].flatMap((c) => {
      const text = values?.[c.key]?.trim() ?? '';
      // Not a number yet: the check says so on save.
      if (text === '' || !isDecimal(text)) return [];
      const value = fromInput(text, c.unit);
      return c.stored !== undefined && compare(value, c.stored) === 0 ? [] : [{ cell: c, value }];
    });
  const pending = changed(typed).length;

  const save = async () => {
    let values: { cells: Record<string, string> };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const changes = changed(values.cells);
    if (changes.length === 0) return message.info(t('rulesNothingChanged'));
    const result = await setTargets({
      input: {
        teamId,
        targets: changes.map(({ cell, value }) => ({ metric: cell.metric, staffId: cell.staffId, month, value })),
      },
    });
    if (result.error) {
      setErrors(errorsByItem(result.error, changes.map((c) => c.cell.key)));
      message.error(errorMessage(result.error));
      return;
    }
    message.success(t('saved'));
    onSaved();
  };

  const cellOf = (staffId: string | null, metric: Metric) => {
    const cell = grid.cells.get(cellKey(staffId, metric));
    const days = staffId === null ? grid.days.get(metric) : undefined;
    const def = grid.catalogue.get(metric)!;
    return (
      <div data-testid="target-cell" data-metric={metric} data-staff={staffId ?? 'team'}>
        {cell ? (
          <Form.Item
            name={['cells', cell.key]}
            style={{ margin: 0 }}
            rules={[
              { required: cell.stored !== undefined, whitespace: true, message: t('targetsKept') },
              numberRule(i18n, {
                unit: cell.unit,
                min: SIGNED.includes(metric) ? undefined : '0',
                max: cell.unit === 'RATE' ? '1' : undefined,
              }),
            ]}
            {...errorAt(errors, cell.key)}
          >
            <UnitInput unit={cell.unit} size="small" data-testid="target-input" data-metric={metric} data-staff={staffId ?? 'team'} />
          </Form.Item>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        )}
        {days && (
          <Tooltip title={days.map((d) => `${d.startsOn}: ${formatByUnit(i18n, def.unit, d.value)}`).join(' · ')}>
            <Tag style={{ marginTop: 4 }} data-testid="target-days" data-count={days.length}>
              {t('targetsDays', { n: days.length })}
            </Tag>
          </Tooltip>
        )}
      </div>
    );
  };

  const columns = [
    {
      title: t('metric'),
      key: 'metric',
      fixed: 'left' as const,
      width: 160,
      render: (_: unknown, metric: Metric) => {
        const def = grid.catalogue.get(metric);
        return (
          <Space orientation="vertical" size={0}>
            <Typography.Text>{metricLabel(lang, def, metric)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {def ? i18n.tx(`metricUnit_${def.unit}`) : ''}
            </Typography.Text>
          </Space>
        );
      },
    },
    { title: t('targetsTeam'), key: 'team', width: 130, render: (_: unknown, metric: Metric) => cellOf(null, metric) },
    ...grid.people.map((p) => ({
      title: (
        <Space orientation="vertical" size={0}>
          <span>{p.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(p.role)}
          </Typography.Text>
        </Space>
      ),
      key: p.id,
      width: 116,
      render: (_: unknown, metric: Metric) => cellOf(p.id, metric),
    })),
  ];

  return (
    <Card size="small">
      <Form form={form} initialValues={initialValues} onValuesChange={() => setErrors({})} data-testid="targets-form">
        <Table<Metric>
          size="small"
          pagination={false}
          rowKey={(m) => m}
          dataSource={grid.metrics}
          columns={columns}
          scroll={{ x: 'max-content' }}
          data-testid="targets-grid"
          onRow={(m) => ({ 'data-testid': 'target-row', 'data-metric': m }) as React.HTMLAttributes<HTMLElement>}
        />
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" loading={saving} onClick={save} data-testid="targets-save" data-pending={pending}>
            {pending > 0 ? t('rulesSaveChanges', { n: pending }) : t('save')}
          </Button>
          <Button disabled={pending === 0} onClick={() => form.resetFields()} data-testid="targets-discard">
            {t('rulesDiscard')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
