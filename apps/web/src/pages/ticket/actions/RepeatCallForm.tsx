import { Button, Checkbox, Form, Input } from 'antd';
import { TEXT_LIMITS } from '../../../../../../libs/domain/src/limits';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';
import { recordRepeatCall } from '../ticket-api';
import { useTicketAction } from './useTicketAction';

interface Values {
  note?: string;
  notHandledInTime?: boolean;
}

/** The caller called again about this ticket; `未按期办理` turns an open transfer overdue (Art. 8). */
export function RepeatCallForm({ ticketId }: { ticketId: string }) {
  const [form] = Form.useForm<Values>();
  const api = useApiForm(form, ['note', 'notHandledInTime']);
  const action = useTicketAction(ticketId, recordRepeatCall, '已登记重复来电');
  const submit = (values: Values) => {
    api.clear();
    action.mutate(
      { note: values.note?.trim() || null, notHandledInTime: values.notHandledInTime ?? false },
      { onError: api.show, onSuccess: () => form.resetFields() },
    );
  };
  return (
    <Form name="repeatCall" form={form} layout="vertical" requiredMark={false} onFinish={submit}>
      <ErrorAlert error={api.formError} />
      <Form.Item label="来电说明" name="note">
        <Input.TextArea
          rows={2}
          maxLength={TEXT_LIMITS.note}
          placeholder="来电人再次来电反映的情况（可选）"
        />
      </Form.Item>
      <Form.Item name="notHandledInTime" valuePropName="checked">
        <Checkbox>未按期办理</Checkbox>
      </Form.Item>
      <Button htmlType="submit" loading={action.isPending}>
        重复来电
      </Button>
    </Form>
  );
}
