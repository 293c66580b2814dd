import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { TEXT_LIMITS } from '../../../../../../libs/domain/src/limits';
import type { TicketView } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';
import type { DirectoryLookup } from '../directory';
import { handlerGroups } from '../lifecycle';
import { reassignTicket } from '../ticket-api';
import { useReveal } from './useReveal';
import { useTicketAction } from './useTicketAction';

interface Values {
  targetId: string;
  reason: string;
}

/**
 * `改派`: an agent or supervisor sends a returned ticket (a supervisor also a dispatched one) to
 * another handler (`改派对象`, `改派理由`); the new handler gets a fresh feedback deadline.
 */
export function ReassignForm({
  ticket,
  directory,
}: {
  ticket: TicketView;
  directory: DirectoryLookup | undefined;
}) {
  const [form] = Form.useForm<Values>();
  const reveal = useReveal();
  const api = useApiForm(form, ['targetId', 'reason']);
  const action = useTicketAction(ticket.id, reassignTicket, '改派成功，新的承办人将收到工单');
  const groups = useMemo(
    () => handlerGroups(directory, ticket.handlerId),
    [directory, ticket.handlerId],
  );
  const lastReturn = ticket.status === 'returned' ? ticket.returns?.at(-1) : undefined;
  const submit = (values: Values) => {
    api.clear();
    action.mutate(
      { targetId: values.targetId, reason: values.reason.trim() },
      { onError: api.show, onSuccess: reveal.done },
    );
  };
  const intro = (
    <Typography.Paragraph type="secondary">
      {lastReturn
        ? `承办人已退回：${lastReturn.reason}。请改派给应当办理的承办人。`
        : '改由其他承办人办理，新的承办人重新计算反馈期限。'}
    </Typography.Paragraph>
  );
  if (!reveal.open) {
    return (
      <div>
        {intro}
        <Button ref={reveal.trigger} type="primary" onClick={reveal.show}>
          改派
        </Button>
      </div>
    );
  }
  return (
    <Form name="reassign" form={form} layout="vertical" requiredMark={false} onFinish={submit}>
      {intro}
      <ErrorAlert error={api.formError} />
      <Form.Item
        label="改派对象"
        name="targetId"
        rules={[{ required: true, message: '请选择改派对象' }]}
      >
        <Select
          autoFocus
          loading={!directory}
          options={groups}
          virtual={false}
          showSearch={{ optionFilterProp: 'search' }}
          placeholder="输入姓名或部门查找"
        />
      </Form.Item>
      <Form.Item
        label="改派理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请说明改派理由' }]}
      >
        <Input.TextArea
          rows={2}
          maxLength={TEXT_LIMITS.overrideReason}
          showCount
          placeholder="如：来电反映的是立案庭的案件"
        />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={action.isPending}>
          确认改派
        </Button>
        <Button onClick={reveal.hide} disabled={action.isPending}>
          取消
        </Button>
      </Space>
    </Form>
  );
}
