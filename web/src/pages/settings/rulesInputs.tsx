import { Input, type InputProps } from 'antd';
import type { MetricUnit } from '../../gql/graphql';

/**
 * A number typed as text in its unit: ¥ before money, % after a rate (typed in percent), s after
 * seconds. Text, not a number input, so that what the person typed is kept to the last digit and
 * a mistyped value reaches the form's check instead of vanishing. A `prefix` given replaces ¥.
 */
export function UnitInput({ unit, ...props }: { unit: MetricUnit } & Omit<InputProps, 'suffix'>) {
  return (
    <Input
      inputMode="decimal"
      autoComplete="off"
      prefix={unit === 'MONEY' ? '¥' : undefined}
      suffix={unit === 'RATE' ? '%' : unit === 'SECONDS' ? 's' : undefined}
      {...props}
    />
  );
}
