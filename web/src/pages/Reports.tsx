import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Segmented, Space, Typography } from 'antd';
import { useI18n } from '../i18n';
import { teamDays, useSession } from '../session';
import { daysUpTo, type DayRange } from '../format';
import { DayRangePicker } from '../components/DayRangePicker';
import { AdReport } from './reports/AdReport';
import { DesignReport } from './reports/DesignReport';
import { ProductReport } from './reports/ProductReport';

const TABS = ['ads', 'design', 'products'] as const;
type Tab = (typeof TABS)[number];

/** 推广 / 美工 / 商品: the team's reports over one range of days, a tab each (`?tab=`). */
export default function ReportsPage() {
  const { t } = useI18n();
  const team = useSession().team!;
  const days = useMemo(() => teamDays(team.timeZone), [team.timeZone]);
  const [range, setRange] = useState<DayRange>(() => daysUpTo(days.yesterday, 30));
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'ads';

  return (
    <div data-testid="reports" data-from={range.from} data-to={range.to} data-tab={tab}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('reportsTitle')}
        </Typography.Title>
        <DayRangePicker value={range} onChange={setRange} yesterday={days.yesterday} today={days.today} testId="reports-range" />
      </Space>
      {/* A segmented switch, not antd's Tabs: every antd component lands in the first page's vendor chunk. */}
      <Segmented<Tab>
        data-testid="reports-tabs"
        style={{ marginBottom: 16 }}
        value={tab}
        onChange={(key) => setParams(key === 'ads' ? {} : { tab: key })}
        options={[
          { value: 'ads', label: <span data-testid="tab-ads">{t('tabAds')}</span> },
          { value: 'design', label: <span data-testid="tab-design">{t('tabDesign')}</span> },
          { value: 'products', label: <span data-testid="tab-products">{t('tabProducts')}</span> },
        ]}
      />
      {tab === 'ads' && <AdReport teamId={team.id} range={range} />}
      {tab === 'design' && <DesignReport teamId={team.id} range={range} />}
      {tab === 'products' && <ProductReport teamId={team.id} range={range} />}
    </div>
  );
}
