import { Alert, Button, Result, Spin } from 'antd';
import type { CombinedError } from 'urql';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../client';

/** A report's loading spinner or error (with a retry); null once there is data to show. */
export function ReportState({
  hasData,
  fetching,
  error,
  onRetry,
}: {
  hasData: boolean;
  fetching: boolean;
  error?: CombinedError;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  if (hasData) return error ? <Alert type="warning" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} /> : null;
  if (fetching) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <Result
      status="error"
      title={t('error')}
      subTitle={errorMessage(error)}
      extra={<Button onClick={onRetry}>{t('retry')}</Button>}
    />
  );
}
