import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Input,
  Modal,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';
import { monthParam, teamDays, useSession } from '../session';
import { errorCode, errorMessage } from '../client';
import { LoadFailed } from '../components/LoadFailed';
import { BonusQueryDoc, ComputeRunMutation, FinalizeMonthMutation, PayrollCsvQuery, ReopenMonthMutation, type Payout } from './bonus/queries';
import { Adjustments } from './bonus/Adjustments';
import { GRADE_COLOR } from './reviews/queries';

/**
 * 奖金: a month's bonus run (last month by default, `?month=`): every payout with its line
 * items (rule, inputs, formula, amount), the manual adjustments, recomputing while DRAFT,
 * finalizing (before the figures settle only with the override spelled out), an admin's reopen,
 * and the payroll CSV, whose totals are the page's. A staff member gets their own payout once
 * the month is finalized, and the API's refusal before.
 */
export default function BonusPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const team = session.team!;
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const { month, lastMonth } = monthParam(params.get('month'), team.timeZone);
  const variables = { teamId: team.id, month, canManage: session.canManage };
  const [{ data, error, fetching }, refetch] = useQuery({ query: BonusQueryDoc, variables });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [{ fetching: computing }, compute] = useMutation(ComputeRunMutation);
  const [{ fetching: finalizing }, finalize] = useMutation(FinalizeMonthMutation);
  const [early, setEarly] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const client = useClient();

  const header = (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('bonusTitle')}
      </Typography.Title>
      <Input
        type="month"
        style={{ width: 160 }}
        value={month}
        data-testid="bonus-month"
        onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setParams(e.target.value === lastMonth ? {} : { month: e.target.value })}
      />
    </Space>
  );
  if (!data && fetching) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!data) {
    // Staff before the month is finalized: the API says why (FORBIDDEN), which is no failure.
    if (errorCode(error) === 'FORBIDDEN')
      return (
        <div data-testid="bonus">
          {header}
          <Alert type="info" showIcon data-testid="bonus-refused" title={errorMessage(error)} />
        </div>
      );
    return <LoadFailed error={error} onRetry={reload} />;
  }

  const run = data.bonusRun;
  const close = data.monthClose;
  const open = close?.status !== 'FINALIZED';
  const today = teamDays(team.timeZone).today;
  const settled = close ? today >= close.settlesOn : true;
  const act = async (done: Promise<{ error?: Parameters<typeof errorMessage>[0] }>, ok: string) => {
    const result = await done;
    if (result.error) message.error(errorMessage(result.error));
    else message.success(ok);
    reload();
  };
  const doFinalize = (override: boolean) =>
    act(finalize({ input: { teamId: team.id, month, override } }), t('finalized')).then(() => setEarly(false));

  const download = async () => {
    const result = await client.query(PayrollCsvQuery, { teamId: team.id, month }, { requestPolicy: 'network-only' }).toPromise();
    if (!result.data) return message.error(errorMessage(result.error));
    const url = URL.createObjectURL(new Blob([result.data.payrollCsv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `payroll-${team.id}-${month}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div data-testid="bonus" data-month={month} data-status={run?.status ?? ''}>
      {header}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Descriptions size="small" column={4}>
            <Descriptions.Item label={t('runStatus')}>
              <Tag color={run?.status === 'FINALIZED' ? 'green' : 'blue'} data-testid="run-status">
                {run ? t(run.status) : '—'}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('runTotal')}>
              <Typography.Text strong data-testid="run-total" data-value={run?.total ?? ''}>
                {run ? i18n.money(run.total) : '—'}
              </Typography.Text>
            </Descriptions.Item>
            {run && <Descriptions.Item label={t('computedAt')}>{i18n.dateTime(run.computedAt)}</Descriptions.Item>}
            {close && <Descriptions.Item label={t('settlesOn')}>{i18n.date(close.settlesOn)}</Descriptions.Item>}
          </Descriptions>
          {session.canManage && (
            <Space wrap>
              {open && (
                <Button loading={computing} data-testid="compute-run" onClick={() => act(compute({ input: { teamId: team.id, month } }), t('runComputed'))}>
                  {run ? t('recompute') : t('computeRun')}
                </Button>
              )}
              {open && run && (
                <Button type="primary" loading={finalizing} data-testid="finalize" onClick={() => (settled ? doFinalize(false) : setEarly(true))}>
                  {t('finalize')}
                </Button>
              )}
              {!open && session.me.access === 'ADMIN' && <Reopen teamId={team.id} month={month} onDone={reload} />}
              {run && (
                <Button icon={<DownloadOutlined />} data-testid="payroll-download" onClick={download}>
                  {t('downloadPayroll')}
                </Button>
              )}
            </Space>
          )}
        </Space>
      </Card>

      {!session.canManage && <Typography.Paragraph type="secondary">{t('ownPayoutOnly')}</Typography.Paragraph>}
      {run ? <Payouts payouts={run.payouts.nodes} /> : <Alert type="info" showIcon title={t('noRun')} data-testid="no-run" />}
      {session.canManage && data.bonusAdjustments && (
        <Adjustments
          teamId={team.id}
          month={month}
          open={open}
          adjustments={data.bonusAdjustments.nodes}
          people={data.staff?.nodes ?? []}
          onChange={reload}
        />
      )}

      <Modal
        open={early}
        title={close ? t('earlyTitle', { date: i18n.date(close.settlesOn) }) : ''}
        onCancel={() => setEarly(false)}
        okText={t('earlyConfirm')}
        okButtonProps={{ danger: true, disabled: !understood, loading: finalizing, 'data-testid': 'finalize-early' }}
        onOk={() => doFinalize(true)}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="early-text">{close && t('earlyText', { date: i18n.date(close.settlesOn) })}</Typography.Paragraph>
        <Checkbox checked={understood} data-testid="early-understood" onChange={(e) => setUnderstood(e.target.checked)}>
          {t('earlyConfirm')}
        </Checkbox>
      </Modal>
    </div>
  );
}

function Payouts({ payouts }: { payouts: Payout[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Table<Payout>
        size="small"
        pagination={false}
        rowKey={(p) => p.staff?.id ?? p.role}
        data-testid="payouts"
        dataSource={payouts}
        onRow={(p) => ({ 'data-testid': 'payout-row', 'data-staff': p.staff?.id ?? '', 'data-total': p.total }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (p) => (
            <Table
              size="small"
              pagination={false}
              rowKey="rule"
              data-testid="payout-lines"
              dataSource={p.lines}
              onRow={(l) => ({ 'data-testid': 'payout-line', 'data-rule': l.rule, 'data-amount': l.amount }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('rule'), dataIndex: 'kind', render: (k: string) => i18n.tx(k) },
                {
                  title: t('inputs'),
                  key: 'inputs',
                  render: (_, l) => (
                    <Space size={4} wrap>
                      {l.inputs.map((x) => (
                        <Tag key={x.name}>
                          {x.name} = {x.value}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                { title: t('formula'), dataIndex: 'formula', render: (f: string) => <Typography.Text code>{f}</Typography.Text> },
                { title: t('amount'), dataIndex: 'amount', align: 'right', render: (a: string) => i18n.money(a) },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('person'), key: 'person', render: (_, p) => p.staff?.name ?? '—' },
          { title: t('role'), dataIndex: 'role', render: (r: string) => i18n.tx(r) },
          // Exact, as the API gives it: the grade and the money come from this, not from a rounding.
          { title: t('totalScore'), dataIndex: 'score', align: 'right', render: (s: string | null) => (s == null ? '—' : i18n.num(s, 2)) },
          { title: t('grade'), dataIndex: 'grade', render: (g: Payout['grade']) => (g ? <Tag color={GRADE_COLOR[g]}>{g}</Tag> : '—') },
          { title: t('gross'), dataIndex: 'gross', align: 'right', render: (a: string) => i18n.money(a) },
          {
            title: t('payoutTotal'),
            dataIndex: 'total',
            align: 'right',
            render: (a: string) => (
              <Typography.Text strong data-testid="payout-total">
                {i18n.money(a)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Reopen({ teamId, month, onDone }: { teamId: string; month: string; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [{ fetching }, reopen] = useMutation(ReopenMonthMutation);
  return (
    <>
      <Button danger data-testid="reopen" onClick={() => setAsking(true)}>
        {t('reopen')}
      </Button>
      <Modal
        open={asking}
        title={t('reopen')}
        onCancel={() => setAsking(false)}
        okButtonProps={{ disabled: !reason.trim(), loading: fetching, 'data-testid': 'reopen-confirm' }}
        onOk={async () => {
          const result = await reopen({ input: { teamId, month, reason: reason.trim() } });
          if (result.error) message.error(errorMessage(result.error));
          else message.success(t('reopened'));
          setAsking(false);
          onDone();
        }}
        destroyOnHidden
      >
        <Input.TextArea rows={3} maxLength={500} value={reason} placeholder={t('reopenReason')} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
