import type { Severity, ShopMetric } from '../gql/graphql';
import type { CatalogueEntry } from '../format';

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

/** The catalogue entry of a finding's / verification's snake_case metric name. */
export function catalogueByName(name: string, catalogue: CatalogueEntry[]): CatalogueEntry | undefined {
  return catalogue.find((c) => c.name === name);
}

/** A finding's severity, and a task's priority (taken from it), as a tag colour. */
export const SEVERITY_COLOR: Record<Severity, string> = { HIGH: 'red', MEDIUM: 'orange', LOW: 'blue' };
