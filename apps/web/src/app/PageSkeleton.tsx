import { Card, Skeleton } from 'antd';

/** Holds the page's place while its code or data loads, so nothing jumps. */
export function PageSkeleton() {
  return (
    <Card role="status" aria-busy="true" aria-label="正在加载">
      <Skeleton active paragraph={{ rows: 8 }} />
    </Card>
  );
}
