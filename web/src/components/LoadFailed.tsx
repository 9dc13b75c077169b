import { Button, Result } from 'antd';
import type { CombinedError } from 'urql';
import { useI18n } from '../i18n';
import { errorMessage } from '../client';

/** A page whose data could not be loaded: the API's words and a retry. */
export function LoadFailed({ error, onRetry }: { error?: CombinedError; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="error"
      title={t('error')}
      subTitle={errorMessage(error)}
      extra={<Button onClick={onRetry}>{t('retry')}</Button>}
    />
  );
}
