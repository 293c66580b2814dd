import { Button, Card, Descriptions, Result, Tag } from 'antd';
import { Link } from 'react-router';
import type { CreatedTicket, Deadlines } from '../../api/types';
import { Deadline } from '../../components/Deadline';
import { ACTION_LABELS, clauseName, labelOf, STATUS_LABELS } from '../../lib/labels';

const DEADLINE_LABELS: [keyof Deadlines, string][] = [
  ['dispatchBy', '派发期限'],
  ['feedbackBy', '反馈期限'],
  ['callbackBy', '回访期限'],
];

/** After `提交工单`: the ticket number as a link, its disposition and deadlines, and the next call. */
export function LoggedTicket({ ticket, onNext }: { ticket: CreatedTicket; onNext: () => void }) {
  const { disposition } = ticket;
  const deadlines = DEADLINE_LABELS.filter(([key]) => ticket.deadlines?.[key]);
  return (
    <Card>
      <Result
        status="success"
        title={
          <span role="status">
            工单已登记：<Link to={`/tickets/${encodeURIComponent(ticket.id)}`}>{ticket.id}</Link>
          </span>
        }
        subTitle={`状态：${labelOf(STATUS_LABELS, ticket.status)}`}
        extra={[
          <Button key="next" type="primary" autoFocus onClick={onNext}>
            登记下一个来电
          </Button>,
          <Link key="open" to={`/tickets/${encodeURIComponent(ticket.id)}`}>
            查看工单详情
          </Link>,
        ]}
      />
      <Descriptions bordered size="small" column={1} className="intake-logged-details">
        <Descriptions.Item label="处理方式">
          {labelOf(ACTION_LABELS, disposition.action)}
          {disposition.overridden && (
            <Tag className="tag-overridden" style={{ marginInlineStart: 8 }}>
              已改派
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="依据">{clauseName(disposition.rule)}</Descriptions.Item>
        {disposition.target && (
          <Descriptions.Item label="承办对象">{disposition.target.name}</Descriptions.Item>
        )}
        {disposition.overrideReason && (
          <Descriptions.Item label="改派理由">{disposition.overrideReason}</Descriptions.Item>
        )}
        {deadlines.map(([key, label]) => (
          <Descriptions.Item key={key} label={label}>
            <Deadline at={ticket.deadlines[key]} />
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
