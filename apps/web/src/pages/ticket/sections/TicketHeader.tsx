import { Space, Tag, Typography } from 'antd';
import type { TicketView } from '../../../api/types';
import { Light } from '../../../components/Light';
import { labelOf, STATUS_LABELS, TYPE_LABELS } from '../../../lib/labels';
import { temporalWorkflowUrl } from '../temporal-link';
import { CHANNEL_LABELS } from '../ticket-labels';
import { feedbackWindowStart } from '../ticket-state';

/** The ticket number, its status in words, its light, and for admins the workflow link. */
export function TicketHeader({ ticket, isAdmin }: { ticket: TicketView; isAdmin: boolean }) {
  return (
    <header className="ticket-header">
      <Typography.Title level={1} className="ticket-title">
        工单 {ticket.id}
      </Typography.Title>
      <Space wrap size={[8, 8]}>
        <span className="ticket-status">
          <span className="visually-hidden">状态：</span>
          <Tag color="blue">{labelOf(STATUS_LABELS, ticket.status)}</Tag>
        </span>
        <Light ticket={{ ...ticket, windowStart: feedbackWindowStart(ticket) }} />
        <Tag>{labelOf(TYPE_LABELS, ticket.type)}</Tag>
        <Tag>{CHANNEL_LABELS[ticket.channel] ?? ticket.channel}</Tag>
        {isAdmin && (
          <a
            href={temporalWorkflowUrl(window.location.hostname, ticket.workflowId)}
            target="_blank"
            rel="noreferrer"
          >
            在 Temporal 中查看
          </a>
        )}
      </Space>
    </header>
  );
}
