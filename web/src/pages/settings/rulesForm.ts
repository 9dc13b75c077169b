// What the rule tabs of 设置 (targets, thresholds, KPI scorecards, bonus plans) share: exact
// decimal strings (a rate typed in percent becomes the API's fraction without a float), the
// number checks the API makes of a setting, and the API's field errors of a batch, by row.
import type { FormRule } from 'antd';
import type { CombinedError } from 'urql';
import type { MetricUnit, StaffRole } from '../../gql/graphql';
import type { I18n, Lang } from '../../i18n';

/** What the API's Decimal scalar takes as it is: digits, optionally signed, with a fraction. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Exact {
  /** The value × 10^scale. */
  units: bigint;
  scale: number;
}

function parse(text: string): Exact | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  const units = BigInt(`${m[2]}${frac}`);
  return { units: m[1] === '-' ? -units : units, scale: frac.length };
}

function render({ units, scale }: Exact): string {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  let s = scale;
  while (s > 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    s -= 1;
  }
  const text = s > 0 ? `${digits.slice(0, digits.length - s)}.${digits.slice(digits.length - s)}` : digits;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

function aligned(a: Exact, b: Exact): [bigint, bigint] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale)];
}

/** Whether the text is a plain decimal number ("12", "-0.5"). */
export function isDecimal(text: string): boolean {
  return parse(text) !== null;
}

/** value × 10^by, exactly ("2.5", −2 → "0.025"). */
export function shift(text: string, by: number): string {
  const d = parse(text);
  if (!d) return text;
  return by >= 0 ? render({ units: d.units * 10n ** BigInt(by), scale: d.scale }) : render({ units: d.units, scale: d.scale - by });
}

/** −1, 0 or 1; both must be numbers. */
export function compare(a: string, b: string): number {
  const [x, y] = aligned(parse(a)!, parse(b)!);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The exact sum of numbers. */
export function sum(values: string[]): string {
  return render(
    values.map((v) => parse(v) ?? { units: 0n, scale: 0 }).reduce((acc, d) => {
      const [x, y] = aligned(acc, d);
      return { units: x + y, scale: Math.max(acc.scale, d.scale) };
    }, { units: 0n, scale: 0 }),
  );
}

/** Decimal places of the number in its shortest form. */
function places(text: string): number {
  const d = parse(text);
  const n = d ? render(d) : text;
  const dot = n.indexOf('.');
  return dot < 0 ? 0 : n.length - dot - 1;
}

/** Rates are typed in percent (3.5 for 0.035) and sent as the API's fractions. */
export function toInput(value: string | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined) return '';
  return unit === 'RATE' ? shift(value, 2) : value;
}

/** What the API takes for the text typed in a field of `unit`: as typed, a rate as its fraction. */
export function fromInput(text: string, unit: MetricUnit): string {
  return unit === 'RATE' ? shift(text, -2) : text.trim();
}

/**
 * [`toInput`] and [`fromInput`] that give a loaded value back as it was loaded while its text is
 * untouched: a tier of 0.90 is shown as 90 % and saved as 0.90 again, not as 0.9.
 */
export function keepingLoaded() {
  const loaded = new Map<string, string>();
  return {
    toInput: (value: string | null | undefined, unit: MetricUnit): string => {
      const text = toInput(value, unit);
      if (value !== null && value !== undefined) loaded.set(`${unit}|${text}`, value);
      return text;
    },
    fromInput: (text: string, unit: MetricUnit): string => loaded.get(`${unit}|${text.trim()}`) ?? fromInput(text, unit),
  };
}
export type Codec = ReturnType<typeof keepingLoaded>;

/** The API's bounds of a setting (README, *Input limits*): ±10^12, 6 places; money 2 places. */
const MAX_SETTING = '1000000000000';
const SETTING_PLACES = 6;
const MAX_YUAN = '10000000000';

export interface NumberSpec {
  unit: MetricUnit;
  required?: boolean;
  /** In the API's unit (a fraction for rates), inclusive. */
  min?: string;
  /** Above this (exclusive). */
  above?: string;
  max?: string;
  integer?: boolean;
  /** Yuan: two places at most, within the API's money bound. */
  money?: boolean;
}

/** The reason the text is not a value the API takes for `spec`, worded for the person; null if fine. */
export function numberProblem(i18n: I18n, text: string | undefined, spec: NumberSpec): string | null {
  const { t } = i18n;
  const value = (text ?? '').trim();
  if (value === '') return spec.required ? t('numRequired') : null;
  if (!isDecimal(value)) return t('numNotANumber');
  const api = fromInput(value, spec.unit);
  const shown = (v: string) => (spec.unit === 'RATE' ? `${shift(v, 2)}%` : v);
  if (spec.integer && places(api) > 0) return t('numWhole');
  if (spec.money && places(api) > 2) return t('numPlaces', { n: 2 });
  if (places(api) > SETTING_PLACES) return t('numPlaces', { n: spec.unit === 'RATE' ? SETTING_PLACES - 2 : SETTING_PLACES });
  if (spec.min === '0' && compare(api, '0') < 0) return t('numNotNegative');
  if (spec.min !== undefined && compare(api, spec.min) < 0) return t('numAtLeast', { v: shown(spec.min) });
  if (spec.above !== undefined && compare(api, spec.above) <= 0) return t('numAbove', { v: shown(spec.above) });
  if (spec.max !== undefined && compare(api, spec.max) > 0) return t('numAtMost', { v: shown(spec.max) });
  const bound = spec.money ? MAX_YUAN : MAX_SETTING;
  if (compare(api, bound) > 0 || compare(api, `-${bound}`) < 0) return t('numOutOfRange');
  return null;
}

/** An antd Form rule of [`numberProblem`]. */
export function numberRule(i18n: I18n, spec: NumberSpec): FormRule {
  return {
    validator: (_, value: string | undefined) => {
      const problem = numberProblem(i18n, value, spec);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}

/**
 * The API's field errors of a refused batch (BAD_USER_INPUT's `extensions.errors`) under
 * `row:field`, the row counted from 1 as the API numbers the batch's items; a field outside any
 * row under `:field`.
 */
export function rowErrors(error: CombinedError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of error?.graphQLErrors ?? []) {
    const list = g.extensions?.errors;
    if (!Array.isArray(list)) continue;
    for (const e of list as { field?: unknown; message?: unknown; row?: unknown }[])
      if (typeof e.field === 'string' && typeof e.message === 'string') out[`${typeof e.row === 'number' ? e.row : ''}:${e.field}`] ??= e.message;
  }
  return out;
}

/** The API's errors of a refused batch by the key of the item each row was sent for (`keys[row - 1]`), one per item. */
export function errorsByItem(error: CombinedError | undefined, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [at, why] of Object.entries(rowErrors(error))) {
    const key = keys[Number(at.split(':')[0]) - 1];
    if (key !== undefined) out[key] ??= why;
  }
  return out;
}

/** Form.Item props showing the API's error of `key`, if any. */
export function errorAt(errors: Record<string, string>, key: string) {
  return errors[key] ? { validateStatus: 'error' as const, help: errors[key] } : {};
}

/** Form.Item props showing the API's first error of any of `fields` in the list's item `index` (from 0), if any. */
export function errorAtRow(errors: Record<string, string>, index: number, ...fields: string[]) {
  return errorAt(errors, fields.map((f) => `${index + 1}:${f}`).find((k) => errors[k]) ?? '');
}

/** A metric as the catalogue names it: its Chinese export name, with DOMAIN's name in English. */
export function metricLabel(lang: Lang, def: { name: string; label: string } | undefined, metric: string): string {
  if (!def) return metric;
  return lang === 'zh' ? def.label : `${def.name} · ${def.label}`;
}

/** The roles in the order the settings show them (the StaffRole enum's). */
export const ROLES: StaffRole[] = ['CUSTOMER_SERVICE', 'DESIGNER', 'PROMOTION', 'OPERATIONS'];
