import { useSearchParams } from 'react-router';
import { Alert, Segmented, Typography } from 'antd';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { TargetsSettings } from './settings/Targets';
import { ThresholdsSettings } from './settings/Thresholds';
import { KpiSettings } from './settings/Kpis';
import { BonusPlanSettings } from './settings/BonusPlans';
import { StaffSettings } from './settings/Staff';
import { ProductSettings } from './settings/Products';

const TABS = ['targets', 'thresholds', 'kpis', 'bonus', 'staff', 'products'] as const;
type Tab = (typeof TABS)[number];

/**
 * 设置: the team's configuration, a tab each (`?tab=`). Managers and admins only: the API
 * refuses everyone else's changes anyway, and staff get no menu entry for it.
 */
export default function SettingsPage() {
  const { t } = useI18n();
  const session = useSession();
  const team = session.team!;
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'targets';

  if (!session.canManage) return <Alert type="warning" showIcon title={t('managersOnly')} data-testid="settings-forbidden" />;

  const label = (key: Tab, text: string) => <span data-testid={`tab-${key}`}>{text}</span>;
  return (
    <div data-testid="settings" data-tab={tab}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('settingsTitle')}
      </Typography.Title>
      <Segmented<Tab>
        data-testid="settings-tabs"
        style={{ marginBottom: 16 }}
        value={tab}
        onChange={(key) => setParams(key === 'targets' ? {} : { tab: key })}
        options={[
          { value: 'targets', label: label('targets', t('tabTargets')) },
          { value: 'thresholds', label: label('thresholds', t('tabThresholds')) },
          { value: 'kpis', label: label('kpis', t('tabKpis')) },
          { value: 'bonus', label: label('bonus', t('tabBonusPlans')) },
          { value: 'staff', label: label('staff', t('tabStaff')) },
          { value: 'products', label: label('products', t('tabProducts')) },
        ]}
      />
      {tab === 'targets' && <TargetsSettings teamId={team.id} />}
      {tab === 'thresholds' && <ThresholdsSettings teamId={team.id} />}
      {tab === 'kpis' && <KpiSettings teamId={team.id} />}
      {tab === 'bonus' && <BonusPlanSettings teamId={team.id} />}
      {tab === 'staff' && <StaffSettings teamId={team.id} />}
      {tab === 'products' && <ProductSettings teamId={team.id} />}
    </div>
  );
}
