import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n';
import { daysUpTo, type DayRange } from '../format';

/**
 * A range of the team's local days (YYYY-MM-DD both ends, inclusive), with presets ending
 * yesterday; days after `today` cannot be picked.
 */
export function DayRangePicker({
  value,
  onChange,
  yesterday,
  today,
  testId,
}: {
  value: DayRange;
  onChange: (range: DayRange) => void;
  yesterday: string;
  today: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const preset = (label: string, r: DayRange) => ({ label, value: [dayjs(r.from), dayjs(r.to)] as [Dayjs, Dayjs] });
  return (
    <DatePicker.RangePicker
      data-testid={testId}
      allowClear={false}
      value={[dayjs(value.from), dayjs(value.to)]}
      disabledDate={(d) => d.format('YYYY-MM-DD') > today}
      presets={[
        preset(t('rangeYesterday'), daysUpTo(yesterday, 1)),
        preset(t('rangeLast7'), daysUpTo(yesterday, 7)),
        preset(t('rangeLast30'), daysUpTo(yesterday, 30)),
        preset(t('rangeLast90'), daysUpTo(yesterday, 90)),
      ]}
      onChange={(v) => {
        if (v?.[0] && v[1]) onChange({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
      }}
    />
  );
}
