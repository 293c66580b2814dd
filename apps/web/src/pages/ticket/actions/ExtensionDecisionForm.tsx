import { Button, Descriptions, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { TEXT_LIMITS } from '../../../../../../libs/domain/src/limits';
import type { TicketView } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiForm } from '../../../components/useApiForm';
import { formatTime } from '../../../lib/time';
import { type DirectoryLookup, personName } from '../directory';
import { Prose } from '../sections/CallSection';
import { decideExtension } from '../ticket-api';
import { pendingExtension } from '../ticket-state';
import { useTicketAction } from './useTicketAction';

interface Values {
  note?: string;
}

/**
 * `同意延期` / `不同意延期`: the department head (not for their own request) or a supervisor
 * decides a pending extension; `审批意见` is optional.
 */
export function ExtensionDecisionForm({
  ticket,
  directory,
}: {
  ticket: TicketView;
  directory: DirectoryLookup | undefined;
}) {
  const [form] = Form.useForm<Values>();
  const api = useApiForm(form, ['note']);
  const [approving, setApproving] = useState<boolean | null>(null);
  const approve = useTicketAction(ticket.id, decideExtension, '审批完成：反馈期限已延长');
  const refuse = useTicketAction(ticket.id, decideExtension, '审批完成：原反馈期限不变');
  const busy = approve.isPending || refuse.isPending;
  const extension = pendingExtension(ticket);
  if (!extension) return null;

  const decide = (yes: boolean) => {
    api.clear();
    setApproving(yes);
    const note = (form.getFieldValue('note') as string | undefined)?.trim() || null;
    (yes ? approve : refuse).mutate({ approve: yes, note }, { onError: api.show });
  };

  return (
    <Form name="extensionDecision" form={form} layout="vertical" requiredMark={false}>
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'by',
            label: '申请人',
            children: `${personName(directory, extension.requestedBy)}${
              extension.requestedAt ? `（${formatTime(extension.requestedAt)}）` : ''
            }`,
          },
          {
            key: 'previous',
            label: '原反馈期限',
            children:
              formatTime(extension.previousFeedbackBy ?? ticket.deadlines.feedbackBy) || '—',
          },
          { key: 'until', label: '申请延至', children: formatTime(extension.until) || '—' },
          { key: 'reason', label: '申请理由', children: <Prose text={extension.reason} /> },
        ]}
        style={{ marginBottom: 12 }}
      />
      <ErrorAlert error={api.formError} />
      <Form.Item label="审批意见" name="note">
        <Input.TextArea rows={2} maxLength={TEXT_LIMITS.note} placeholder="可选" />
      </Form.Item>
      <Space wrap>
        <Button
          type="primary"
          loading={approve.isPending && approving === true}
          disabled={busy && approving !== true}
          onClick={() => decide(true)}
        >
          同意延期
        </Button>
        <Button
          danger
          loading={refuse.isPending && approving === false}
          disabled={busy && approving !== false}
          onClick={() => decide(false)}
        >
          不同意延期
        </Button>
      </Space>
    </Form>
  );
}
