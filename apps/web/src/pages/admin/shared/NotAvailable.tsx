import { Alert, Result } from 'antd';
import type { ReactNode } from 'react';

/** Says plainly that a function's server side is not there yet (the API answered 404). */
export function NotAvailable({
  what,
  compact = false,
  children,
}: {
  what: string;
  compact?: boolean;
  children?: ReactNode;
}) {
  const title = `${what}功能的服务端接口尚未提供`;
  const detail =
    '服务器还没有这项功能（接口返回 404）。其他功能不受影响；服务端上线后刷新本页即可使用。';
  if (compact) {
    return <Alert type="info" showIcon role="status" title={title} description={detail} />;
  }
  return <Result status="info" title={title} subTitle={detail} extra={children} role="status" />;
}
