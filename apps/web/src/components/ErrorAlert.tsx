import { Alert } from 'antd';
import { errorText } from '../api/errors';

/** An error without a field of its own, in an element with role `alert` (UI.md). */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? errorText(error)}
      description={title ? errorText(error) : undefined}
      style={{ marginBottom: 12 }}
    />
  );
}
