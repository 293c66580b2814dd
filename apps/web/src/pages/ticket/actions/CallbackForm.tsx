import { Button, Checkbox, Form, Input } from 'antd';
import { TEXT_LIMITS } from '../../../../../../libs/domain/src/limits';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';
import { recordCallback } from '../ticket-api';
import { useTicketAction } from './useTicketAction';

interface Values {
  reached?: boolean;
  satisfied?: boolean;
  note?: string;
}

/** The agent's callback (回访, Art. 10); the ticket closes. */
export function CallbackForm({ ticketId }: { ticketId: string }) {
  const [form] = Form.useForm<Values>();
  const reached = Form.useWatch('reached', form) ?? false;
  const api = useApiForm(form, ['reached', 'satisfied', 'note']);
  const action = useTicketAction(ticketId, recordCallback, '已登记回访，工单已结案');
  const submit = (values: Values) => {
    api.clear();
    const wasReached = values.reached ?? false;
    action.mutate(
      {
        reached: wasReached,
        // Satisfaction is only known from a caller who was reached.
        satisfied: wasReached ? (values.satisfied ?? false) : null,
        note: values.note?.trim() || null,
      },
      { onError: api.show },
    );
  };
  return (
    <Form name="callback" form={form} layout="vertical" requiredMark={false} onFinish={submit}>
      <ErrorAlert error={api.formError} />
      <Form.Item name="reached" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>是否联系上</Checkbox>
      </Form.Item>
      <Form.Item
        name="satisfied"
        valuePropName="checked"
        extra={reached ? undefined : '联系上来电人后才能记录是否满意'}
      >
        <Checkbox disabled={!reached}>是否满意</Checkbox>
      </Form.Item>
      <Form.Item label="回访备注" name="note">
        <Input.TextArea rows={2} maxLength={TEXT_LIMITS.note} placeholder="回访情况（可选）" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={action.isPending}>
        提交回访
      </Button>
    </Form>
  );
}
