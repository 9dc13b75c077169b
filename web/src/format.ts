// Formatting shared by the pages: a value by its metric unit, and which way a change goes.
import type { I18n } from './i18n';
import type { KpiDirection, MetricUnit, ShopMetric } from './gql/graphql';

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

/** The `Metric` (catalogue, targets) a shop metric is measured as. */
export function catalogueKey(metric: ShopMetric): string {
  return CATALOGUE_NAME[metric] ?? metric;
}

export function shopMetricDirection(metric: ShopMetric, catalogue: CatalogueEntry[]): KpiDirection {
  const key = catalogueKey(metric);
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
      return value === null || value === undefined || value === '' ? i18n.num(value) : `${i18n.num(value, 1)} s`;
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

/** A YYYY-MM-DD day moved by `n` calendar days. */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** An inclusive range of the team's local days. */
export interface DayRange {
  from: string;
  to: string;
}

/** The `days` days up to and including `last`. */
export function daysUpTo(last: string, days: number): DayRange {
  return { from: addDays(last, -(days - 1)), to: last };
}

/** The months (YYYY-MM) a range touches, in order. */
export function monthsOf(range: DayRange): string[] {
  const out: string[] = [];
  let y = Number(range.from.slice(0, 4));
  let m = Number(range.from.slice(5, 7));
  const last = range.to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last || out.length > 1200) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** Days in a YYYY-MM month. */
export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}
