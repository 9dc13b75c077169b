import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { App as AntApp, Button, Card, Checkbox, Popconfirm, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../client';
import { LoadFailed } from '../../components/LoadFailed';
import { useMorePages } from './teamPages';
import { ProductFormModal } from './ProductsForm';
import {
  DeactivateProductMutation,
  ReactivateProductMutation,
  TeamProductsQuery,
  UpdateProductMutation,
  type ProductRow,
} from './ProductsQueries';

type Listed = 'all' | 'active' | 'inactive';
const LISTED: Record<Listed, boolean | undefined> = { all: undefined, active: true, inactive: false };

/**
 * 商品: the team's products (a page of 100 at a time), filtered to 主推款 and to listed or
 * delisted ones: 商品ID, title, hero flag (switched right in the list), owning designer, unit
 * cost and whether it is listed; a product made, changed, delisted or listed again (with a
 * confirm). Delisting keeps the product's history.
 */
export function ProductSettings({ teamId }: { teamId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = AntApp.useApp();
  const client = useClient();
  const [heroOnly, setHeroOnly] = useState(false);
  const [listed, setListed] = useState<Listed>('all');
  const filter = { teamId, isHero: heroOnly ? true : undefined, active: LISTED[listed] };
  const [{ data, error, fetching }, refetch] = useQuery({ query: TeamProductsQuery, variables: { ...filter, withDesigners: true } });
  const pages = useMorePages(
    JSON.stringify(filter),
    data?.products,
    async (after) => {
      const r = await client
        .query(TeamProductsQuery, { ...filter, after, withDesigners: false }, { requestPolicy: 'network-only' })
        .toPromise();
      return { page: r.data?.products, error: r.error };
    },
    () => refetch({ requestPolicy: 'network-only' }),
  );
  const [editing, setEditing] = useState<ProductRow | 'new' | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const [, update] = useMutation(UpdateProductMutation);
  const [, deactivate] = useMutation(DeactivateProductMutation);
  const [, reactivate] = useMutation(ReactivateProductMutation);

  if (!data && !fetching) return <LoadFailed error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;

  const done = (result: { error?: Parameters<typeof errorMessage>[0] }, ok: string) => {
    if (result.error) message.error(errorMessage(result.error));
    else message.success(ok);
    void pages.reload();
  };
  const setHero = async (p: ProductRow, isHero: boolean) => {
    setSwitching(p.id);
    const result = await update({ input: { id: p.id, isHero } });
    setSwitching(null);
    done(result, t(isHero ? 'productHeroOn' : 'productHeroOff', { title: p.title }));
  };
  const setActive = async (p: ProductRow, active: boolean) =>
    done(
      active ? await reactivate({ input: { id: p.id } }) : await deactivate({ input: { id: p.id } }),
      t(active ? 'productReactivated' : 'productDeactivated', { title: p.title }),
    );
  const product = editing === 'new' ? null : editing;

  return (
    <Card
      size="small"
      data-testid="settings-products"
      title={<span data-testid="products-total">{t('productsTotal', { n: pages.totalCount })}</span>}
      extra={
        <Space wrap>
          <Checkbox checked={heroOnly} data-testid="products-hero-only" onChange={(e) => setHeroOnly(e.target.checked)}>
            {t('productHeroOnly')}
          </Checkbox>
          <Segmented<Listed>
            size="small"
            value={listed}
            data-testid="products-listed"
            onChange={setListed}
            options={[
              { value: 'all', label: t('productAll') },
              { value: 'active', label: t('productListed') },
              { value: 'inactive', label: t('productDelisted') },
            ]}
          />
          <Button type="primary" icon={<PlusOutlined />} data-testid="product-new" onClick={() => setEditing('new')}>
            {t('productNew')}
          </Button>
        </Space>
      }
    >
      <Table<ProductRow>
        size="small"
        rowKey="id"
        pagination={false}
        loading={!data}
        dataSource={pages.nodes}
        scroll={{ x: 'max-content' }}
        onRow={(p) =>
          ({
            'data-testid': 'product-row',
            'data-product': p.id,
            'data-item-id': p.platformItemId,
            'data-hero': String(p.isHero),
            'data-active': String(p.active),
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('itemId'), dataIndex: 'platformItemId', render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
          { title: t('title'), dataIndex: 'title' },
          {
            title: t('hero'),
            key: 'hero',
            render: (_, p) => (
              <Switch
                size="small"
                checked={p.isHero}
                loading={switching === p.id}
                aria-label={t('hero')}
                data-testid="product-hero-toggle"
                onChange={(on) => void setHero(p, on)}
              />
            ),
          },
          { title: t('designer'), key: 'designer', render: (_, p) => p.designer?.name ?? '—' },
          { title: t('productUnitCost'), dataIndex: 'unitCost', align: 'right', render: (v: string) => i18n.money(v) },
          {
            title: t('status'),
            dataIndex: 'active',
            render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{t(v ? 'productListed' : 'productDelisted')}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_, p) => (
              <Space size={4}>
                <Button size="small" data-testid="product-edit" onClick={() => setEditing(p)}>
                  {t('edit')}
                </Button>
                <Popconfirm
                  title={t(p.active ? 'productDeactivateConfirm' : 'productReactivateConfirm', { title: p.title })}
                  okText={t('confirm')}
                  cancelText={t('cancel')}
                  okButtonProps={{ 'data-testid': 'product-active-confirm' }}
                  onConfirm={() => setActive(p, !p.active)}
                >
                  <Button size="small" danger={p.active} data-testid={p.active ? 'product-deactivate' : 'product-reactivate'}>
                    {t(p.active ? 'productDeactivate' : 'productReactivate')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {pages.hasMore && (
        <Button block style={{ marginTop: 12 }} loading={pages.loadingMore} data-testid="products-more" onClick={() => void pages.loadMore()}>
          {t('loadMore')} · {t('showingOf', { shown: pages.nodes.length, total: pages.totalCount })}
        </Button>
      )}
      <ProductFormModal
        // A fresh form for each product opened.
        key={product?.id ?? 'new'}
        teamId={teamId}
        product={product}
        open={editing !== null}
        designers={data?.designers?.nodes ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => void pages.reload()}
      />
    </Card>
  );
}
