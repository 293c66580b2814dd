import { Card, Divider, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import type { TicketView } from '../../../api/types';
import type { TicketActionKey } from '../actions';
import type { DirectoryLookup } from '../directory';
import { AcceptButton } from './AcceptButton';
import { AcknowledgeForm } from './AcknowledgeForm';
import { CallbackForm } from './CallbackForm';
import { ExtensionDecisionForm } from './ExtensionDecisionForm';
import { ExtensionRequestForm } from './ExtensionRequestForm';
import { FeedbackForm } from './FeedbackForm';
import { ProgressForm } from './ProgressForm';
import { ReassignForm } from './ReassignForm';
import { ReminderButton } from './ReminderButton';
import { RepeatCallForm } from './RepeatCallForm';
import { ReturnForm } from './ReturnForm';

/** `上传附件` lives in the attachments section, not in this panel. */
type Shown = Exclude<TicketActionKey, 'attach'>;

interface Context {
  ticket: TicketView;
  directory: DirectoryLookup | undefined;
}

/**
 * Each action the API has: its heading and its form. New actions are added here. A heading names
 * its region, so it must not contain a field's label (`getByLabel` matches substrings), nor be
 * one (`进展说明` is a field; its region is `办理进展`).
 */
const ACTION_VIEWS: Record<Shown, { title: string; render: (c: Context) => ReactNode }> = {
  accept: { title: '签收工单', render: ({ ticket }) => <AcceptButton ticketId={ticket.id} /> },
  decideExtension: {
    title: '延期审批',
    render: ({ ticket, directory }) => (
      <ExtensionDecisionForm ticket={ticket} directory={directory} />
    ),
  },
  reassign: {
    title: '改派承办人',
    render: ({ ticket, directory }) => <ReassignForm ticket={ticket} directory={directory} />,
  },
  feedback: { title: '承办反馈', render: ({ ticket }) => <FeedbackForm ticketId={ticket.id} /> },
  progress: { title: '办理进展', render: ({ ticket }) => <ProgressForm ticketId={ticket.id} /> },
  requestExtension: {
    title: '延期申请',
    render: ({ ticket }) => (
      <ExtensionRequestForm ticketId={ticket.id} feedbackBy={ticket.deadlines.feedbackBy} />
    ),
  },
  return: { title: '退回工单', render: ({ ticket }) => <ReturnForm ticketId={ticket.id} /> },
  acknowledge: {
    title: '层报确认',
    render: ({ ticket }) => <AcknowledgeForm ticketId={ticket.id} />,
  },
  remind: { title: '催办', render: ({ ticket }) => <ReminderButton ticketId={ticket.id} /> },
  callback: { title: '回访', render: ({ ticket }) => <CallbackForm ticketId={ticket.id} /> },
  repeatCall: {
    title: '重复来电',
    render: ({ ticket }) => <RepeatCallForm ticketId={ticket.id} />,
  },
};

const isShown = (key: TicketActionKey): key is Shown => key in ACTION_VIEWS;

/** What the signed-in person can do with the ticket now. */
export function ActionsPanel({
  ticket,
  directory,
  actions,
}: {
  ticket: TicketView;
  directory: DirectoryLookup | undefined;
  actions: readonly TicketActionKey[];
}) {
  const shown = actions.filter(isShown);
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
            {ACTION_VIEWS[key].render({ ticket, directory })}
          </section>
        </Fragment>
      ))}
    </Card>
  );
}
