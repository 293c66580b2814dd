import { Card, Descriptions, type DescriptionsProps, Tag } from 'antd';
import type { TicketView } from '../../../api/types';
import { formatTime } from '../../../lib/time';
import { type DirectoryLookup, personName } from '../directory';
import { escalationLadderOf, escalationOf } from '../ticket-state';

/** The escalation (层报, Art. 4.8): which level it reached, who was told, who acknowledged. */
export function EscalationSection({
  ticket,
  directory,
}: {
  ticket: TicketView;
  directory: DirectoryLookup | undefined;
}) {
  const escalation = escalationOf(ticket);
  if (!escalation) return null;
  const ladder = escalationLadderOf(ticket.disposition);
  const reached = ladder.find((l) => l.level === escalation.level);
  const acknowledged = escalation.acknowledgedBy !== null;
  const items: DescriptionsProps['items'] = [
    {
      key: 'state',
      label: '状态',
      children: acknowledged ? (
        <Tag className="tag-ok">已确认知悉</Tag>
      ) : (
        <Tag color="red">待领导确认</Tag>
      ),
    },
    {
      key: 'level',
      label: '层级',
      children: escalation.level
        ? `第${escalation.level}级${reached?.label ? `（${reached.label}）` : ''}`
        : '—',
    },
  ];
  if (escalation.notified.length > 0) {
    items.push({
      key: 'notified',
      label: '已层报',
      children: escalation.notified.map((id) => personName(directory, id)).join('、'),
    });
  }
  if (acknowledged) {
    items.push(
      { key: 'by', label: '确认人', children: personName(directory, escalation.acknowledgedBy) },
      { key: 'at', label: '确认时间', children: formatTime(escalation.acknowledgedAt) || '—' },
    );
    if (escalation.note) items.push({ key: 'note', label: '确认意见', children: escalation.note });
  }
  return (
    <Card title={<h2 className="ticket-card-title">层报</h2>} size="small">
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}
