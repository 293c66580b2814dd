import { Button, Form, Input } from 'antd';
import { TEXT_LIMITS } from '../../../../../../libs/domain/src/limits';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';
import { addProgress } from '../ticket-api';
import { useTicketAction } from './useTicketAction';

interface Values {
  note: string;
}

/** `进展说明` + `提交进展`: an interim reply while the work goes on; the ticket stays open. */
export function ProgressForm({ ticketId }: { ticketId: string }) {
  const [form] = Form.useForm<Values>();
  const api = useApiForm(form, ['note']);
  const action = useTicketAction(ticketId, addProgress, '进展说明已提交');
  const submit = (values: Values) => {
    api.clear();
    action.mutate(
      { note: values.note.trim() },
      { onError: api.show, onSuccess: () => form.resetFields() },
    );
  };
  return (
    <Form name="progress" form={form} layout="vertical" requiredMark={false} onFinish={submit}>
      <ErrorAlert error={api.formError} />
      <Form.Item
        label="进展说明"
        name="note"
        rules={[{ required: true, whitespace: true, message: '请填写进展说明' }]}
      >
        <Input.TextArea
          rows={2}
          maxLength={TEXT_LIMITS.note}
          showCount
          placeholder="目前的办理情况，如：已调取卷宗，正在核实"
        />
      </Form.Item>
      <Button htmlType="submit" loading={action.isPending}>
        提交进展
      </Button>
    </Form>
  );
}
