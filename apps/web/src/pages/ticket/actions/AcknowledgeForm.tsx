import { Button, Form, Input, Typography } from 'antd';
import { TEXT_LIMITS } from '../../../../../../libs/domain/src/limits';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';
import { acknowledgeEscalation } from '../ticket-api';
import { useTicketAction } from './useTicketAction';

interface Values {
  note?: string;
}

/** A leader who was notified stops the escalation ladder (Art. 4.7, 4.8). */
export function AcknowledgeForm({ ticketId }: { ticketId: string }) {
  const [form] = Form.useForm<Values>();
  const api = useApiForm(form, ['note']);
  const action = useTicketAction(ticketId, acknowledgeEscalation, '已确认知悉，层报停止');
  const submit = (values: Values) => {
    api.clear();
    action.mutate({ note: values.note?.trim() || null }, { onError: api.show });
  };
  return (
    <Form name="acknowledge" form={form} layout="vertical" requiredMark={false} onFinish={submit}>
      <Typography.Paragraph type="secondary">
        该工单已层报给您。确认后不再向上一级领导层报。
      </Typography.Paragraph>
      <ErrorAlert error={api.formError} />
      <Form.Item label="确认备注" name="note">
        <Input.TextArea rows={2} maxLength={TEXT_LIMITS.note} placeholder="可选" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={action.isPending}>
        确认知悉
      </Button>
    </Form>
  );
}
