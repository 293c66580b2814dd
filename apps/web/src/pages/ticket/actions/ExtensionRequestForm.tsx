import { Button, Form, Input, Space, Typography } from 'antd';
import { TEXT_LIMITS } from '../../../../../../libs/domain/src/limits';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';
import { formatTime, fromShanghaiLocal } from '../../../lib/time';
import { defaultExtensionUntil, extensionUntilProblem } from '../lifecycle';
import { requestExtension } from '../ticket-api';
import { useReveal } from './useReveal';
import { useTicketAction } from './useTicketAction';

interface Values {
  until: string;
  reason: string;
}

/**
 * `申请延期`: the handler addressed asks, before the red light, for a later feedback deadline
 * (`延期至`, `延期理由`); the department head or a supervisor decides.
 */
export function ExtensionRequestForm({
  ticketId,
  feedbackBy,
}: {
  ticketId: string;
  feedbackBy: string | null;
}) {
  const [form] = Form.useForm<Values>();
  const reveal = useReveal();
  const api = useApiForm(form, ['until', 'reason']);
  const action = useTicketAction(ticketId, requestExtension, '延期申请已提交，等待审批');
  const submit = (values: Values) => {
    api.clear();
    const until = fromShanghaiLocal(values.until);
    if (!until) return;
    action.mutate(
      { until, reason: values.reason.trim() },
      { onError: api.show, onSuccess: reveal.done },
    );
  };
  if (!reveal.open) {
    return (
      <div>
        <Typography.Paragraph type="secondary">
          确有特殊情况不能按期反馈的，可在反馈期限届满前申请延期，由部门负责人或主管审批。
        </Typography.Paragraph>
        <Button ref={reveal.trigger} onClick={reveal.show}>
          申请延期
        </Button>
      </div>
    );
  }
  return (
    <Form
      name="extension"
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      initialValues={{ until: defaultExtensionUntil(feedbackBy) }}
    >
      <Typography.Paragraph type="secondary">
        当前反馈期限：{formatTime(feedbackBy) || '—'}
      </Typography.Paragraph>
      <ErrorAlert error={api.formError} />
      <Form.Item
        label="延期至"
        name="until"
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              const problem = extensionUntilProblem(value, feedbackBy);
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        <Input type="datetime-local" autoFocus />
      </Form.Item>
      <Form.Item
        label="延期理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请说明延期理由' }]}
      >
        <Input.TextArea
          rows={2}
          maxLength={TEXT_LIMITS.overrideReason}
          showCount
          placeholder="如：需调取外地卷宗，预计三日内完成核实"
        />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={action.isPending}>
          提交延期申请
        </Button>
        <Button onClick={reveal.hide} disabled={action.isPending}>
          取消
        </Button>
      </Space>
    </Form>
  );
}
