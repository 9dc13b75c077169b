import { Input, Segmented, type InputProps } from 'antd';
import type { MetricUnit, StaffRole } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { ROLES } from './rulesForm';

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

/** The role a tab shows (`testId`, and `testId-ROLE` on each choice). */
export function RoleSwitch({ value, onChange, testId }: { value: StaffRole; onChange: (role: StaffRole) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <Segmented<StaffRole>
      style={{ marginBottom: 12 }}
      data-testid={testId}
      value={value}
      onChange={onChange}
      options={ROLES.map((r) => ({ value: r, label: <span data-testid={`${testId}-${r}`}>{t(r)}</span> }))}
    />
  );
}
