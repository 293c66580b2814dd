import { Card, Empty, Grid, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useDirectory } from '../../api/useDirectory';
import { usePageTitle } from '../../app/PageTitle';
import { useSession } from '../../auth/useSession';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNow } from '../../components/useNow';
import { departmentsHeadedBy } from '../ticket/directory';
import { TicketCard } from '../tickets/TicketCard';
import { InboxTable, ReasonTags } from './InboxTable';
import { sortInbox } from './inbox-selection';
import { useInbox } from './useInbox';
import '../tickets/ticket-list.css';

export default function InboxPage() {
  usePageTitle('我的待办');
  const session = useSession();
  const directory = useDirectory();
  const narrow = !Grid.useBreakpoint().md;
  const now = useNow();
  const user = session?.user;
  const headOf = useMemo(
    () => (user ? departmentsHeadedBy(directory.data, user.id) : []),
    [directory.data, user],
  );
  const viewer = { id: user?.id ?? '', roles: user?.roles ?? [], headOf };
  const inbox = useInbox(viewer, !!user && !directory.isPending);
  const rows = useMemo(() => sortInbox(inbox.data ?? [], now), [inbox.data, now]);

  return (
    <div className="inbox-page">
      <div className="tickets-results-head">
        <Typography.Title level={1} className="page-title">
          我的待办
        </Typography.Title>
        {inbox.data && (
          <Typography.Text type="secondary" aria-live="polite">
            共 {rows.length} 件
          </Typography.Text>
        )}
      </div>
      <Typography.Paragraph type="secondary">
        转办给您（或您所在部门）待反馈的工单，以及层报给您待确认的工单；红灯、即将到期的排在前面。
      </Typography.Paragraph>
      <ErrorAlert error={inbox.error} title="待办工单加载失败" />
      {inbox.isPending ? (
        <Card role="status" aria-busy="true" aria-label="正在加载">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : rows.length === 0 ? (
        inbox.isError ? null : (
          <Card>
            <Empty
              description={
                <>
                  <div>目前没有等待您处理的工单。</div>
                  <div>新转办或层报给您的工单会自动出现在这里，无需刷新页面。</div>
                </>
              }
            />
          </Card>
        )
      ) : narrow ? (
        <ul className="ticket-cards" aria-label="待办工单">
          {rows.map((row) => (
            <li key={row.item.id}>
              <TicketCard
                item={row.item}
                extra={
                  <div className="ticket-card-reasons">
                    <ReasonTags row={row} />
                  </div>
                }
              />
            </li>
          ))}
        </ul>
      ) : (
        <InboxTable rows={rows} />
      )}
    </div>
  );
}
