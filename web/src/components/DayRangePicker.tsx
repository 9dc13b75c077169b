import { Input, Select, Space } from 'antd';
import { useI18n } from '../i18n';
import { daysUpTo, type DayRange } from '../format';
import { isIsoDay } from '../session';

/**
 * A range of the team's local days (YYYY-MM-DD both ends, inclusive), with presets ending
 * yesterday; days after `today` cannot be picked. Native date inputs, as the board's: antd's
 * DatePicker would add ~30 KB gzipped to the first page (antd is one vendor chunk).
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
  const presets: { key: string; label: string; range: DayRange }[] = [
    { key: '1', label: t('rangeYesterday'), range: daysUpTo(yesterday, 1) },
    { key: '7', label: t('rangeLast7'), range: daysUpTo(yesterday, 7) },
    { key: '30', label: t('rangeLast30'), range: daysUpTo(yesterday, 30) },
    { key: '90', label: t('rangeLast90'), range: daysUpTo(yesterday, 90) },
  ];
  const preset = presets.find((p) => p.range.from === value.from && p.range.to === value.to);
  return (
    <Space.Compact data-testid={testId}>
      <Select
        style={{ width: 130 }}
        data-testid={testId && `${testId}-preset`}
        value={preset?.key}
        placeholder={t('rangeCustom')}
        onChange={(key: string) => {
          const p = presets.find((x) => x.key === key);
          if (p) onChange(p.range);
        }}
        options={presets.map((p) => ({ value: p.key, label: p.label }))}
      />
      <Input
        type="date"
        style={{ width: 150 }}
        data-testid={testId && `${testId}-from`}
        aria-label={t('rangeFrom')}
        value={value.from}
        max={value.to}
        onChange={(e) => {
          const from = e.target.value;
          if (isIsoDay(from)) onChange({ from, to: from > value.to ? from : value.to });
        }}
      />
      <Input
        type="date"
        style={{ width: 150 }}
        data-testid={testId && `${testId}-to`}
        aria-label={t('rangeTo')}
        value={value.to}
        min={value.from}
        max={today}
        onChange={(e) => {
          const to = e.target.value;
          if (isIsoDay(to) && to <= today) onChange({ from: to < value.from ? to : value.from, to });
        }}
      />
    </Space.Compact>
  );
}
