import { Button, Form, Input, Space, Typography } from 'antd';
import { TEXT_LIMITS } from '../../../../../../libs/domain/src/limits';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';
import { returnTicket } from '../ticket-api';
import { useReveal } from './useReveal';
import { useTicketAction } from './useTicketAction';

interface Values {
  reason: string;
}

/**
 * `退回`: the handler addressed sends a misrouted ticket back (before the red light) for an
 * agent or supervisor to reassign; `退回理由` is required, `确认退回` sends it.
 */
export function ReturnForm({ ticketId }: { ticketId: string }) {
  const [form] = Form.useForm<Values>();
  const reveal = useReveal();
  const api = useApiForm(form, ['reason']);
  const action = useTicketAction(ticketId, returnTicket, '退回成功，等待座席员改派');
  const submit = (values: Values) => {
    api.clear();
    action.mutate({ reason: values.reason.trim() }, { onError: api.show, onSuccess: reveal.done });
  };
  if (!reveal.open) {
    return (
      <div>
        <Typography.Paragraph type="secondary">
          不属于您的办理范围时，可在亮红灯前退回，由座席员改派。
        </Typography.Paragraph>
        <Button ref={reveal.trigger} danger onClick={reveal.show}>
          退回
        </Button>
      </div>
    );
  }
  return (
    <Form name="return" form={form} layout="vertical" requiredMark={false} onFinish={submit}>
      <ErrorAlert error={api.formError} />
      <Form.Item
        label="退回理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请说明退回理由' }]}
      >
        <Input.TextArea
          autoFocus
          rows={2}
          maxLength={TEXT_LIMITS.overrideReason}
          showCount
          placeholder="如：该案件已移送立案庭，不属本人承办"
        />
      </Form.Item>
      <Space wrap>
        <Button danger type="primary" htmlType="submit" loading={action.isPending}>
          确认退回
        </Button>
        <Button onClick={reveal.hide} disabled={action.isPending}>
          取消
        </Button>
      </Space>
    </Form>
  );
}
