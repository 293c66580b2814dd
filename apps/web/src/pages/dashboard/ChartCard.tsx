import { Card, Skeleton, Typography } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * A chart's card. Its body keeps the chart's height whether loading, empty or drawn, so the
 * page does not jump; the chart code itself arrives in its own chunk.
 */
export function ChartCard({
  title,
  extra,
  height,
  loading,
  error,
  empty,
  children,
}: {
  title: string;
  extra?: ReactNode;
  height: number;
  loading: boolean;
  error: unknown;
  empty: string | null;
  children: ReactNode;
}) {
  const placeholder = (
    <div style={{ height }} role="status" aria-busy="true" aria-label={`${title}：正在加载`}>
      <Skeleton active paragraph={{ rows: 5 }} title={false} />
    </div>
  );
  let body: ReactNode;
  if (error) body = <ErrorAlert error={error} />;
  else if (loading) body = placeholder;
  else if (empty)
    body = (
      <div className="dash-chart-empty" style={{ height }}>
        <Typography.Text className="text-muted">{empty}</Typography.Text>
      </div>
    );
  else body = <Suspense fallback={placeholder}>{children}</Suspense>;
  return (
    <Card title={<h2 className="dash-card-title">{title}</h2>} extra={extra} size="small">
      <div style={{ minHeight: height }}>{body}</div>
    </Card>
  );
}
