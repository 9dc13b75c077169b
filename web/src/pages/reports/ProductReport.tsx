import { useState } from 'react';
import { useQuery } from 'urql';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { graphql } from '../../gql';
import type { ProductReportQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { DayRange } from '../../format';
import { ReportState } from './ReportState';

const ProductReportDoc = graphql(`
  query ProductReport($teamId: ID!, $from: Date!, $to: Date!, $after: String) {
    productReport(teamId: $teamId, from: $from, to: $to, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        product { id title platformItemId isHero active designer { id name } }
        visitors
        paidBuyers
        paidUnits
        paidAmount
        favCartBuyers
        conversionRate
        badReviews
        stock
        recentDailyUnits
        stockCoverDays
      }
    }
  }
`);

type ProductRow = ProductReportQuery['productReport']['nodes'][number];

/** Days of stock below which the cover is shown as a warning. */
const LOW_COVER_DAYS = 7;

/** 商品: the products' numbers over the range, hero products (主推款) first as the API orders them. */
export function ProductReport({ teamId, range }: { teamId: string; range: DayRange }) {
  const i18n = useI18n();
  const { t } = i18n;
  // The cursors of the pages before the one shown: a page back pops one.
  const [cursors, setCursors] = useState<{ key: string; stack: (string | null)[] }>({ key: '', stack: [null] });
  const key = `${teamId}/${range.from}/${range.to}`;
  const stack = cursors.key === key ? cursors.stack : [null];
  const after = stack[stack.length - 1];
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ProductReportDoc,
    variables: { teamId, from: range.from, to: range.to, after },
  });
  const report = data?.productReport;
  const state = <ReportState hasData={!!report} fetching={fetching} error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!report) return state;
  const cell = (k: string) => () => ({ 'data-metric': k }) as React.HTMLAttributes<HTMLElement>;
  const right = 'right' as const;

  return (
    <>
      {state}
      <Card
        size="small"
        title={t('productsTotal', { n: report.totalCount })}
        extra={
          (stack.length > 1 || report.pageInfo.hasNextPage) && (
            <Space>
              <Button size="small" disabled={stack.length <= 1} onClick={() => setCursors({ key, stack: stack.slice(0, -1) })}>
                ‹
              </Button>
              <Button
                size="small"
                disabled={!report.pageInfo.hasNextPage}
                onClick={() => setCursors({ key, stack: [...stack, report.pageInfo.endCursor ?? null] })}
              >
                ›
              </Button>
            </Space>
          )
        }
      >
        <Table<ProductRow>
          data-testid="product-report"
          size="small"
          rowKey={(r) => r.product.id}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={report.nodes}
          locale={{ emptyText: t('noData') }}
          onRow={(r) =>
            ({
              'data-testid': 'product-row',
              'data-product': r.product.id,
              'data-hero': String(r.product.isHero),
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('product'),
              key: 'product',
              fixed: 'left' as const,
              render: (_: unknown, r: ProductRow) => (
                <Space size={4}>
                  {r.product.isHero && (
                    <Tag color="gold" icon={<StarFilled />} data-testid="hero-tag">
                      {t('hero')}
                    </Tag>
                  )}
                  <span>
                    <Typography.Text delete={!r.product.active}>{r.product.title}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('itemId')} {r.product.platformItemId}
                    </Typography.Text>
                  </span>
                </Space>
              ),
            },
            { title: t('designer'), key: 'designer', render: (_: unknown, r: ProductRow) => r.product.designer?.name ?? '—' },
            { title: t('VISITORS'), key: 'visitors', align: right, onCell: cell('visitors'), render: (_: unknown, r: ProductRow) => i18n.num(r.visitors) },
            { title: t('PAID_BUYERS'), key: 'paidBuyers', align: right, onCell: cell('paidBuyers'), render: (_: unknown, r: ProductRow) => i18n.num(r.paidBuyers) },
            { title: t('paidUnits'), key: 'paidUnits', align: right, onCell: cell('paidUnits'), render: (_: unknown, r: ProductRow) => i18n.num(r.paidUnits) },
            {
              title: t('PAID_AMOUNT'),
              key: 'paidAmount',
              align: right,
              onCell: cell('paidAmount'),
              render: (_: unknown, r: ProductRow) => i18n.money(r.paidAmount),
            },
            {
              title: t('CONVERSION_RATE'),
              key: 'conversionRate',
              align: right,
              onCell: cell('conversionRate'),
              render: (_: unknown, r: ProductRow) => i18n.pct(r.conversionRate, 2),
            },
            {
              title: t('badReviews'),
              key: 'badReviews',
              align: right,
              onCell: cell('badReviews'),
              render: (_: unknown, r: ProductRow) => (
                <Typography.Text type={r.badReviews > 0 ? 'danger' : undefined}>{i18n.num(r.badReviews)}</Typography.Text>
              ),
            },
            { title: t('stock'), key: 'stock', align: right, onCell: cell('stock'), render: (_: unknown, r: ProductRow) => i18n.num(r.stock) },
            {
              title: t('recentDailyUnits'),
              key: 'recentDailyUnits',
              align: right,
              onCell: cell('recentDailyUnits'),
              render: (_: unknown, r: ProductRow) => i18n.num(r.recentDailyUnits, 1),
            },
            {
              title: t('stockCoverDays'),
              key: 'stockCoverDays',
              align: right,
              onCell: cell('stockCoverDays'),
              render: (_: unknown, r: ProductRow) => (
                <Typography.Text type={r.stockCoverDays != null && r.stockCoverDays < LOW_COVER_DAYS ? 'danger' : undefined}>
                  {i18n.num(r.stockCoverDays, 1)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
