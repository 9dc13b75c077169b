import { useQuery } from 'urql';
import { Card, Table, Typography } from 'antd';
import { graphql } from '../../gql';
import type { DesignReportQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { DayRange } from '../../format';
import { ReportState } from './ReportState';

const DesignReportDoc = graphql(`
  query DesignReport($teamId: ID!, $from: Date!, $to: Date!) {
    designReport(teamId: $teamId, from: $from, to: $to) {
      designerId
      designer { id name }
      delivered
      onTime
      onTimeRate
      revisions
      avgRevisions
      open
      overdue
    }
  }
`);

type DesignerRow = DesignReportQuery['designReport'][number];

/** 美工: each designer's deliverables over the range (managers see everyone, staff themselves). */
export function DesignReport({ teamId, range }: { teamId: string; range: DayRange }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: DesignReportDoc,
    variables: { teamId, from: range.from, to: range.to },
  });
  const rows = data?.designReport;
  const state = <ReportState hasData={!!rows} fetching={fetching} error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!rows) return state;
  const cell = (key: string) => () => ({ 'data-metric': key }) as React.HTMLAttributes<HTMLElement>;
  const num = (key: keyof DesignerRow, places = 0) => ({
    key,
    align: 'right' as const,
    onCell: cell(key),
    sorter: (a: DesignerRow, b: DesignerRow) => Number(a[key] ?? -Infinity) - Number(b[key] ?? -Infinity),
    render: (_: unknown, r: DesignerRow) => i18n.num(r[key] as number | null, places),
  });

  return (
    <>
      {state}
      <Card size="small">
        <Table<DesignerRow>
          data-testid="design-report"
          size="small"
          rowKey="designerId"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('noDesignWork') }}
          onRow={(r) => ({ 'data-testid': 'design-row', 'data-staff': r.designerId }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('designer'), key: 'designer', render: (_: unknown, r: DesignerRow) => r.designer?.name ?? r.designerId },
            { title: t('delivered'), ...num('delivered') },
            { title: t('onTime'), ...num('onTime') },
            {
              title: t('onTimeRate'),
              key: 'onTimeRate',
              align: 'right' as const,
              onCell: cell('onTimeRate'),
              sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
              render: (_: unknown, r: DesignerRow) => i18n.pct(r.onTimeRate, 2),
            },
            { title: t('revisions'), ...num('revisions') },
            { title: t('avgRevisions'), ...num('avgRevisions', 2) },
            { title: t('openWork'), ...num('open') },
            {
              title: t('overdue'),
              key: 'overdue',
              align: 'right' as const,
              onCell: cell('overdue'),
              sorter: (a, b) => a.overdue - b.overdue,
              render: (_: unknown, r: DesignerRow) => (
                <Typography.Text type={r.overdue > 0 ? 'danger' : undefined}>{i18n.num(r.overdue)}</Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
