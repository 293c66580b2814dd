import { Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TicketListItem } from '../../api/types';
import { Deadline } from '../../components/Deadline';
import { Light } from '../../components/Light';
import { labelOf, STATUS_LABELS, TYPE_LABELS } from '../../lib/labels';
import { formatTime } from '../../lib/time';
import { currentDeadline, lightInputOf } from './list-item';
import './ticket-list.css';

/** One ticket as a card (narrow screens): the whole card opens the ticket. */
export function TicketCard({ item, extra }: { item: TicketListItem; extra?: ReactNode }) {
  const deadline = currentDeadline(item);
  return (
    <article className="ticket-card">
      <div className="ticket-card-head">
        <Link to={`/tickets/${item.id}`} className="ticket-card-link">
          {item.id}
        </Link>
        <Space size={4} wrap>
          <Light ticket={lightInputOf(item)} />
          <Tag>{labelOf(STATUS_LABELS, item.status)}</Tag>
        </Space>
      </div>
      <dl className="ticket-card-facts">
        <div>
          <dt>类型</dt>
          <dd>{labelOf(TYPE_LABELS, item.type)}</dd>
        </div>
        <div>
          <dt>来电人</dt>
          <dd>{item.caller.name || '—'}</dd>
        </div>
        <div>
          <dt>案号</dt>
          <dd>{item.caseNumber || '—'}</dd>
        </div>
        {deadline ? (
          <div>
            <dt>{deadline.label}</dt>
            <dd>
              <Deadline at={deadline.at} />
            </dd>
          </div>
        ) : (
          <div>
            <dt>受理时间</dt>
            <dd>{formatTime(item.receivedAt) || '—'}</dd>
          </div>
        )}
      </dl>
      {extra}
    </article>
  );
}
