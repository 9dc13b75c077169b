import { Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useI18n, type DictKey } from '../i18n';

export default function Placeholder({ titleKey }: { titleKey: DictKey }) {
  const { t } = useI18n();
  return (
    <Result
      data-testid="coming-soon"
      icon={<ClockCircleOutlined />}
      title={`${t(titleKey)} · ${t('comingSoon')}`}
      subTitle={t('comingSoonText')}
    />
  );
}
