import { Button, Form, Input } from 'antd';
import { TEXT_LIMITS } from '../../../../../../libs/domain/src/limits';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';
import { submitFeedback } from '../ticket-api';
import { useTicketAction } from './useTicketAction';

interface Values {
  result: string;
}

/** The handler's (or department head's) result: `办理结果` + `提交反馈` (Art. 7). */
export function FeedbackForm({ ticketId }: { ticketId: string }) {
  const [form] = Form.useForm<Values>();
  const api = useApiForm(form, ['result']);
  const action = useTicketAction(ticketId, submitFeedback, '已提交办理结果');
  const submit = (values: Values) => {
    api.clear();
    action.mutate({ result: values.result.trim() }, { onError: api.show });
  };
  return (
    <Form name="feedback" form={form} layout="vertical" requiredMark={false} onFinish={submit}>
      <ErrorAlert error={api.formError} />
      <Form.Item
        label="办理结果"
        name="result"
        rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}
      >
        <Input.TextArea
          rows={4}
          maxLength={TEXT_LIMITS.feedbackResult}
          showCount
          placeholder="写明核实情况和处理结果，如：已联系当事人，案件已于某日立案"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={action.isPending}>
        提交反馈
      </Button>
    </Form>
  );
}
