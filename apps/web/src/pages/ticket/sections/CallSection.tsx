import { Card, Descriptions, type DescriptionsProps, Space, Tag } from 'antd';
import type { TicketView } from '../../../api/types';
import { COMPLAINT_LABELS, labelOf } from '../../../lib/labels';
import { formatTime } from '../../../lib/time';
import { type DirectoryLookup, personName } from '../directory';
import { flagsOn } from '../ticket-labels';

const text = (value: string | null | undefined) => (value ? value : '—');

/** The call as logged: the caller (phone as the API gives it: masked for some roles), content, answer. */
export function CallSection({
  ticket,
  directory,
}: {
  ticket: TicketView;
  directory: DirectoryLookup | undefined;
}) {
  const flags = flagsOn(ticket.flags);
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '来电人', children: text(ticket.caller.name) },
    { key: 'phone', label: '来电号码', children: text(ticket.caller.phone) },
    { key: 'case', label: '案号', children: text(ticket.caseNumber) },
    { key: 'received', label: '受理时间', children: formatTime(ticket.receivedAt) || '—' },
  ];
  if (ticket.complaint) {
    items.push({
      key: 'complaint',
      label: '投诉类别',
      children: `${labelOf(COMPLAINT_LABELS, ticket.complaint.category)}${
        ticket.complaint.specificClues ? '（有具体线索）' : ''
      }`,
    });
  }
  if (flags.length > 0) {
    items.push({
      key: 'flags',
      label: '标记',
      children: (
        <Space wrap size={4}>
          {flags.map((flag) => (
            <Tag key={flag} color={flag === '紧急' ? 'red' : undefined}>
              {flag}
            </Tag>
          ))}
        </Space>
      ),
    });
  }
  if (ticket.loggedBy) {
    items.push({ key: 'by', label: '登记人', children: personName(directory, ticket.loggedBy) });
  }
  items.push(
    { key: 'content', label: '来电内容', children: <Prose text={ticket.content} /> },
    { key: 'answer', label: '答复内容', children: <Prose text={ticket.answer} /> },
  );
  return (
    <Card title={<h2 className="ticket-card-title">来电</h2>} size="small">
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}

/** Free text as typed, line breaks kept. */
export function Prose({ text: value }: { text: string | null | undefined }) {
  return <span className="ticket-prose">{value || '—'}</span>;
}
