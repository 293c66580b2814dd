import { Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { EarlierTicket } from '../../api/types';
import { Light } from '../../components/Light';
import { labelOf, STATUS_LABELS, TYPE_LABELS } from '../../lib/labels';
import { formatTime } from '../../lib/time';

/** The proposal lists at most this many earlier tickets. */
const LISTED_AT_MOST = 20;

/** Region `历史来电`: the caller's (and the case's) earlier tickets, open ones first. */
export function HistoryPanel({
  tickets,
  loading,
}: {
  tickets: EarlierTicket[] | null;
  loading: boolean;
}) {
  return (
    <section className="intake-panel intake-history" aria-labelledby="intake-history-title">
      <div className="intake-panel-head">
        <h2 id="intake-history-title">历史来电</h2>
        {tickets && tickets.length > 0 && (
          <Typography.Text type="secondary">
            {tickets.length >= LISTED_AT_MOST
              ? `最近 ${tickets.length} 件`
              : `${tickets.length} 件`}
            ，未办结 {tickets.filter((t) => t.open).length} 件
          </Typography.Text>
        )}
      </div>
      <HistoryBody tickets={tickets} loading={loading} />
    </section>
  );
}

function HistoryBody({ tickets, loading }: { tickets: EarlierTicket[] | null; loading: boolean }) {
  if (loading) return <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  if (tickets === null) {
    return (
      <Typography.Paragraph type="secondary">
        输入完整的来电号码后，这里列出该来电人此前的工单。
      </Typography.Paragraph>
    );
  }
  if (tickets.length === 0) {
    return <Typography.Paragraph type="secondary">该号码此前没有来电记录。</Typography.Paragraph>;
  }
  return (
    <ul className="intake-history-list">
      {tickets.map((ticket) => (
        <li key={ticket.id} className={ticket.open ? 'is-open' : undefined}>
          <div className="intake-history-line">
            <Link
              to={`/tickets/${encodeURIComponent(ticket.id)}`}
              aria-label={`历史工单 ${ticket.id}`}
            >
              {ticket.id}
            </Link>
            <Tag color={ticket.open ? 'processing' : 'default'}>
              {labelOf(STATUS_LABELS, ticket.status)}
            </Tag>
            <Light ticket={{ ...ticket, windowStart: ticket.receivedAt }} />
          </div>
          <div className="intake-history-meta">
            <span>{labelOf(TYPE_LABELS, ticket.type)}</span>
            <time dateTime={ticket.receivedAt ?? undefined}>{formatTime(ticket.receivedAt)}</time>
            {ticket.disposition?.target && <span>{ticket.disposition.target.name}</span>}
            {ticket.sameCase && !ticket.samePhone && <Tag>同案号</Tag>}
            {ticket.caseNumber && <span>{ticket.caseNumber}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}
