import type { I18n } from '../i18n';
import type { KpiDirection, MetricUnit, Severity, ShopMetric } from '../gql/graphql';

/** The board's key numbers, in display order. */
export const KPI_METRICS: ShopMetric[] = [
  'PAID_AMOUNT',
  'VISITORS',
  'CONVERSION_RATE',
  'AOV',
  'BOUNCE_RATE',
  'REFUND_RATE',
  'UV_VALUE',
  'NET_PROFIT',
];

/** Units of the shop metrics (ShopMetric's descriptions). */
export const SHOP_METRIC_UNIT: Record<ShopMetric, MetricUnit> = {
  VISITORS: 'COUNT',
  PAID_BUYERS: 'COUNT',
  PAID_AMOUNT: 'MONEY',
  CONVERSION_RATE: 'RATE',
  AOV: 'MONEY',
  BOUNCE_RATE: 'RATE',
  VISIT_DEPTH: 'RATIO',
  FAV_CART_RATE: 'RATE',
  REFUND_RATE: 'RATE',
  UV_VALUE: 'MONEY',
  AD_SPEND: 'MONEY',
  AD_ROI: 'RATIO',
  NET_PROFIT: 'MONEY',
};

/** Where the metric catalogue (keyed by `Metric`) has no entry of the same name. */
const CATALOGUE_NAME: Partial<Record<ShopMetric, string>> = { AD_ROI: 'ROI' };

/** Fallback when the catalogue lacks a metric: lower is better for these. */
const LOWER_IS_BETTER = new Set<string>(['BOUNCE_RATE', 'REFUND_RATE', 'AD_SPEND', 'bounce_rate', 'refund_rate']);

export interface CatalogueEntry {
  metric: string;
  name: string;
  unit: MetricUnit;
  places: number;
  direction: KpiDirection;
}

export function shopMetricDirection(metric: ShopMetric, catalogue: CatalogueEntry[]): KpiDirection {
  const key = CATALOGUE_NAME[metric] ?? metric;
  const entry = catalogue.find((c) => c.metric === key);
  if (entry) return entry.direction;
  return LOWER_IS_BETTER.has(metric) ? 'LOWER' : 'HIGHER';
}

export function formatByUnit(i18n: I18n, unit: MetricUnit | undefined, value: string | number | null | undefined): string {
  switch (unit) {
    case 'MONEY':
      return i18n.money(value);
    case 'RATE':
      return i18n.pct(value, 2);
    case 'SECONDS':
      return `${i18n.num(value, 1)} s`;
    case 'RATIO':
      return i18n.num(value, 2);
    case 'COUNT':
      return i18n.num(value, 0);
    default: {
      // Not in the catalogue (stock, a count of reviews...): whole numbers without places.
      const n = value === null || value === undefined || value === '' ? null : Number(value);
      return i18n.num(value, n !== null && Number.isInteger(n) ? 0 : 2);
    }
  }
}

/** 'good' | 'bad' | 'neutral' for a change, given which way is better. */
export function changeTone(changePct: number | null | undefined, direction: KpiDirection): 'good' | 'bad' | 'neutral' {
  if (changePct === null || changePct === undefined || !Number.isFinite(changePct) || Math.abs(changePct) < 1e-9) return 'neutral';
  const up = changePct > 0;
  return up === (direction === 'HIGHER') ? 'good' : 'bad';
}

/** The catalogue entry of a finding's / verification's snake_case metric name. */
export function catalogueByName(name: string, catalogue: CatalogueEntry[]): CatalogueEntry | undefined {
  return catalogue.find((c) => c.name === name);
}

/** A finding's severity, and a task's priority (taken from it), as a tag colour. */
export const SEVERITY_COLOR: Record<Severity, string> = { HIGH: 'red', MEDIUM: 'orange', LOW: 'blue' };
