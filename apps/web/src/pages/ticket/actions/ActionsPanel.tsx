import { Card, Divider, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import type { TicketActionKey } from '../actions';
import { AcknowledgeForm } from './AcknowledgeForm';
import { CallbackForm } from './CallbackForm';
import { FeedbackForm } from './FeedbackForm';
import { ReminderButton } from './ReminderButton';
import { RepeatCallForm } from './RepeatCallForm';

type Implemented = Extract<
  TicketActionKey,
  'feedback' | 'acknowledge' | 'remind' | 'repeatCall' | 'callback'
>;

/**
 * Each action the API has: its heading and its form. New actions are added here. A heading names
 * its region, so it must not contain a field's label (`getByLabel` matches substrings).
 */
const ACTION_VIEWS: Record<Implemented, { title: string; render: (id: string) => ReactNode }> = {
  feedback: { title: '承办反馈', render: (id) => <FeedbackForm ticketId={id} /> },
  acknowledge: { title: '层报确认', render: (id) => <AcknowledgeForm ticketId={id} /> },
  remind: { title: '催办', render: (id) => <ReminderButton ticketId={id} /> },
  callback: { title: '回访', render: (id) => <CallbackForm ticketId={id} /> },
  repeatCall: { title: '重复来电', render: (id) => <RepeatCallForm ticketId={id} /> },
};

const isImplemented = (key: TicketActionKey): key is Implemented => key in ACTION_VIEWS;

/** What the signed-in person can do with the ticket now. */
export function ActionsPanel({
  ticketId,
  actions,
}: {
  ticketId: string;
  actions: readonly TicketActionKey[];
}) {
  const shown = actions.filter(isImplemented);
  if (shown.length === 0) return null;
  return (
    <Card
      title={<h2 className="ticket-card-title">办理</h2>}
      className="ticket-actions"
      size="small"
    >
      {shown.map((key, index) => (
        <Fragment key={key}>
          {index > 0 && <Divider style={{ margin: '16px 0' }} />}
          <section aria-labelledby={`action-${key}`}>
            <Typography.Title level={3} id={`action-${key}`} className="ticket-action-title">
              {ACTION_VIEWS[key].title}
            </Typography.Title>
            {ACTION_VIEWS[key].render(ticketId)}
          </section>
        </Fragment>
      ))}
    </Card>
  );
}
