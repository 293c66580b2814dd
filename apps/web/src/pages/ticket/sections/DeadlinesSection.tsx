import { Card, Descriptions, Tag, Typography } from 'antd';
import type { TicketView } from '../../../api/types';
import { Deadline } from '../../../components/Deadline';
import { formatTime } from '../../../lib/time';
import { type DeadlineRow, deadlineRows } from '../deadlines';

/** Under 反馈期限: an extension asked for (pending), or the deadline an approved one replaced. */
function extensionNote(ticket: TicketView, row: DeadlineRow): string | null {
  const extension = ticket.extension ?? null;
  if (row.name !== 'feedbackBy' || row.met || !extension) return null;
  if (extension.status === 'pending') {
    return `已申请延期至 ${formatTime(extension.until)}，待审批`;
  }
  if (extension.status === 'approved' && extension.previousFeedbackBy) {
    return `已同意延期（原期限 ${formatTime(extension.previousFeedbackBy)}）`;
  }
  return null;
}

/** Every deadline the ticket has, with its countdown until what it waits for has happened. */
export function DeadlinesSection({ ticket }: { ticket: TicketView }) {
  const rows = deadlineRows(ticket);
  return (
    <section aria-labelledby="ticket-deadlines-title">
      <Card
        title={
          <h2 id="ticket-deadlines-title" className="ticket-card-title">
            期限
          </h2>
        }
        size="small"
      >
        {rows.length === 0 ? (
          <Typography.Text type="secondary">
            该工单没有办理期限（已直接答复或已层报）。
          </Typography.Text>
        ) : (
          <Descriptions
            column={1}
            size="small"
            items={rows.map((row) => {
              const note = extensionNote(ticket, row);
              return {
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
                    {note && (
                      <Typography.Text type="secondary" className="ticket-deadline-note">
                        {note}
                      </Typography.Text>
                    )}
                  </span>
                ),
              };
            })}
          />
        )}
      </Card>
    </section>
  );
}
