import { Card, Empty, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { TicketListItem } from '../../api/types';
import { Deadline } from '../../components/Deadline';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Light } from '../../components/Light';
import { labelOf, STATUS_LABELS, TYPE_LABELS } from '../../lib/labels';
import { formatTime } from '../../lib/time';
import { ticketListHref } from './counts';
import { RED_LIST_LIMIT, useRedTickets } from './useDashboardData';

function RedTicket({ ticket }: { ticket: TicketListItem }) {
  return (
    <li className="dash-red-item">
      <Space wrap size={[8, 4]}>
        <Link to={`/tickets/${ticket.id}`} className="dash-red-id">
          {ticket.id}
        </Link>
        <Light ticket={ticket} />
        <Typography.Text>{labelOf(TYPE_LABELS, ticket.type)}</Typography.Text>
        <Typography.Text className="text-muted">
          {labelOf(STATUS_LABELS, ticket.status)}
        </Typography.Text>
      </Space>
      <div className="dash-red-meta">
        <span>承办：{ticket.disposition?.target?.name ?? '—'}</span>
        <span>受理：{formatTime(ticket.receivedAt) || '—'}</span>
        <span>
          反馈期限：
          <Deadline at={ticket.deadlines.feedbackBy} />
        </span>
      </div>
    </li>
  );
}

/** The red tickets, newest first, each a link to its page. */
export function RedTicketList() {
  const red = useRedTickets();
  const total = red.data?.total ?? 0;
  const items = red.data?.items ?? [];
  return (
    <Card
      size="small"
      title={<h2 className="dash-card-title">红灯工单</h2>}
      extra={
        total > items.length ? (
          <Link to={ticketListHref({ redLight: 'true' })}>查看全部 {total} 件</Link>
        ) : null
      }
    >
      <ErrorAlert error={red.error} />
      {red.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="目前没有红灯工单。超期未反馈的工单会出现在这里，请及时催办。"
        />
      ) : (
        <ul className="dash-red-list">
          {items.map((ticket) => (
            <RedTicket key={ticket.id} ticket={ticket} />
          ))}
        </ul>
      )}
      {items.length >= RED_LIST_LIMIT && total > items.length && (
        <Typography.Paragraph className="text-muted" style={{ marginTop: 8, marginBottom: 0 }}>
          仅显示最新的 {items.length} 件。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
