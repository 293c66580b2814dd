import { Card, Descriptions, type DescriptionsProps, Typography } from 'antd';
import type { Route, TicketView } from '../../../api/types';
import { ACTION_LABELS, clauseName, labelOf } from '../../../lib/labels';
import { type DirectoryLookup, departmentName } from '../directory';

function routeText(route: Route, directory: DirectoryLookup | undefined): string {
  const action = labelOf(ACTION_LABELS, route.action);
  const to = route.target?.name ?? departmentName(directory, route.departmentId);
  return `${clauseName(route.rule)} · ${action}${to ? ` → ${to}` : ''}`;
}

/** How Article 4 decided the ticket: clause, action, target, why; and an agent's override. */
export function DispositionSection({
  ticket,
  directory,
}: {
  ticket: TicketView;
  directory: DirectoryLookup | undefined;
}) {
  const d = ticket.disposition;
  if (!d) return null;
  const items: DescriptionsProps['items'] = [
    { key: 'clause', label: '依据', children: clauseName(d.rule) },
    { key: 'action', label: '处理方式', children: labelOf(ACTION_LABELS, d.action) },
    {
      key: 'target',
      label: '处理对象',
      children: d.target?.name ?? (d.action === 'direct_answer' ? '座席员' : '—'),
    },
  ];
  if (d.departmentId) {
    items.push({
      key: 'department',
      label: '部门',
      children: departmentName(directory, d.departmentId),
    });
  }
  if (d.explanation) items.push({ key: 'why', label: '说明', children: d.explanation });
  if (d.overridden) {
    items.push({ key: 'override', label: '改派理由', children: d.overrideReason ?? '—' });
  }
  if (d.alsoRoutes.length > 0) {
    items.push({
      key: 'also',
      label: '同时',
      children: (
        <ul className="plain-list">
          {d.alsoRoutes.map((route) => (
            <li key={`${route.action}-${route.rule}`}>{routeText(route, directory)}</li>
          ))}
        </ul>
      ),
    });
  }
  return (
    <Card
      title={<h2 className="ticket-card-title">处理方式</h2>}
      size="small"
      extra={d.overridden ? <Typography.Text type="warning">座席员已改派</Typography.Text> : null}
    >
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}
