import { Alert, Spin } from 'antd';
import type { CombinedError } from 'urql';
import { errorMessage } from '../../client';
import { LoadFailed } from '../../components/LoadFailed';

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
  if (hasData) return error ? <Alert type="warning" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} /> : null;
  if (fetching) return <Spin style={{ display: 'block', margin: 48 }} />;
  return <LoadFailed error={error} onRetry={onRetry} />;
}
