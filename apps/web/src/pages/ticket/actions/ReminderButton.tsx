import { Button, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { sendReminder } from '../ticket-api';
import { useTicketAction } from './useTicketAction';

/** The agent's reminder (催办) to the handler of an overdue ticket (Art. 8). */
export function ReminderButton({ ticketId }: { ticketId: string }) {
  const action = useTicketAction(ticketId, sendReminder, '已催办');
  return (
    <div>
      <Typography.Paragraph type="secondary">
        工单已超期未反馈，催办将通知承办人及其部门负责人。
      </Typography.Paragraph>
      <ErrorAlert error={action.error} />
      <Button danger loading={action.isPending} onClick={() => action.mutate({ note: null })}>
        催办
      </Button>
    </div>
  );
}
