import { Card, Descriptions, Tag, Typography } from 'antd';
import type { TicketView } from '../../../api/types';
import { Deadline } from '../../../components/Deadline';
import { deadlineRows } from '../deadlines';

/** Every deadline the ticket has, with its countdown until what it waits for has happened. */
export function DeadlinesSection({ ticket }: { ticket: TicketView }) {
  const rows = deadlineRows(ticket);
  return (
    <Card title={<h2 className="ticket-card-title">期限</h2>} size="small">
      {rows.length === 0 ? (
        <Typography.Text type="secondary">
          该工单没有办理期限（已直接答复或已层报）。
        </Typography.Text>
      ) : (
        <Descriptions
          column={1}
          size="small"
          items={rows.map((row) => ({
            key: row.name,
            label: row.label,
            children: (
              <span>
                <Deadline at={row.at} done={row.met} />
                {row.met && (
                  <Tag className="tag-ok" style={{ marginInlineStart: 8 }}>
                    已完成
                  </Tag>
                )}
              </span>
            ),
          }))}
        />
      )}
    </Card>
  );
}
