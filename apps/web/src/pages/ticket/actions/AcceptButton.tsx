import { Button, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { acceptTicket } from '../ticket-api';
import { useTicketAction } from './useTicketAction';

/** `签收`: the handler addressed confirms the ticket has reached them (once). */
export function AcceptButton({ ticketId }: { ticketId: string }) {
  const action = useTicketAction(ticketId, acceptTicket, '签收成功');
  return (
    <div>
      <Typography.Paragraph type="secondary">
        签收表示您已收到该工单并开始办理。
      </Typography.Paragraph>
      <ErrorAlert error={action.error} />
      <Button type="primary" loading={action.isPending} onClick={() => action.mutate({})}>
        签收
      </Button>
    </div>
  );
}
