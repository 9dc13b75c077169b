import { useMutation } from 'urql';
import { App as AntApp, Form, Input, Modal, Select, Switch } from 'antd';
import { useI18n } from '../../i18n';
import { showRefusal } from './teamForm';
import { CreateProductMutation, UpdateProductMutation, type ProductRow } from './ProductsQueries';

/** The API's limits (schema docs and `money::to_fen`). */
const ITEM_ID_MAX = 64;
const TITLE_MAX = 200;
const COST_MAX = 10_000_000_000;
/** Yuan with at most two decimals, not negative: what the API takes as a unit cost. */
const YUAN = /^\d+(\.\d{1,2})?$/;

interface Values {
  platformItemId: string;
  title: string;
  isHero: boolean;
  designerId?: string;
  unitCost?: string;
}
const FIELDS = ['platformItemId', 'title', 'isHero', 'designerId', 'unitCost'] as const;

/**
 * A new product of the team, or one's changes (`product`): 商品ID (unique in the team), title,
 * 主推款, the owning designer (an active 美工 of the team) and the unit cost in yuan, sent as
 * typed. The API's field errors are shown at their fields, a 商品ID already taken at the 商品ID.
 */
export function ProductFormModal({
  teamId,
  product,
  open,
  designers,
  onClose,
  onSaved,
}: {
  teamId: string;
  product: ProductRow | null;
  open: boolean;
  designers: { id: string; name: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [{ fetching: creating }, create] = useMutation(CreateProductMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateProductMutation);
  // The product's designer stays pickable though no longer an active 美工 (the API keeps them).
  const owner = product?.designer;
  const options = [...designers, ...(owner && !designers.some((d) => d.id === owner.id) ? [owner] : [])];

  const submit = async (v: Values) => {
    const unitCost = v.unitCost?.trim() || undefined;
    const fields = { platformItemId: v.platformItemId, title: v.title, isHero: v.isHero, unitCost };
    const result = product
      ? await update({ input: { id: product.id, ...fields, designerId: v.designerId ?? null } })
      : await create({ input: { teamId, ...fields, designerId: v.designerId } });
    if (result.error) return showRefusal(form, result.error, FIELDS, message.error, 'platformItemId');
    message.success(product ? t('saved') : t('productCreated'));
    onSaved();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={product ? t('productEdit', { title: product.title }) : t('productNew')}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: creating || updating, 'data-testid': 'product-submit' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="product-form"
        initialValues={
          product
            ? {
                platformItemId: product.platformItemId,
                title: product.title,
                isHero: product.isHero,
                designerId: product.designer?.id,
                unitCost: product.unitCost,
              }
            : { isHero: false }
        }
        onFinish={submit}
      >
        <Form.Item
          name="platformItemId"
          label={t('itemId')}
          rules={[
            { required: true, whitespace: true, message: t('productItemIdRequired') },
            { max: ITEM_ID_MAX, message: t('staffTooLong', { n: ITEM_ID_MAX }) },
          ]}
        >
          <Input maxLength={ITEM_ID_MAX} data-testid="product-item-id" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('title')}
          rules={[
            { required: true, whitespace: true, message: t('titleRequired') },
            { max: TITLE_MAX, message: t('staffTooLong', { n: TITLE_MAX }) },
          ]}
        >
          <Input maxLength={TITLE_MAX} data-testid="product-title" />
        </Form.Item>
        <Form.Item name="isHero" label={t('hero')} valuePropName="checked">
          <Switch data-testid="product-hero" />
        </Form.Item>
        <Form.Item name="designerId" label={t('designer')}>
          <Select
            allowClear
            placeholder={t('productNoDesigner')}
            data-testid="product-designer"
            options={options.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="unitCost"
          label={t('productUnitCost')}
          extra={product ? undefined : t('productCostDefault')}
          rules={[
            {
              validator: async (_, v?: string) => {
                const s = v?.trim() ?? '';
                if (s === '' && !product) return;
                if (!YUAN.test(s)) throw new Error(t('productCostInvalid'));
                // A comparison only: no arithmetic on the amount.
                if (Number(s) > COST_MAX) throw new Error(t('productCostTooHigh', { max: i18n.money(COST_MAX) }));
              },
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" style={{ width: 200 }} data-testid="product-cost" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
