import { Card, Descriptions, Typography } from 'antd';
import type { TicketView } from '../../../api/types';
import { formatTime } from '../../../lib/time';
import { type DirectoryLookup, personName } from '../directory';
import { yesNo } from '../ticket-labels';
import { Prose } from './CallSection';

/** The handler's feedback, the callback and the repeat calls, each when there is one. */
export function OutcomeSection({
  ticket,
  directory,
}: {
  ticket: TicketView;
  directory: DirectoryLookup | undefined;
}) {
  const { feedback, callback, repeatCalls } = ticket;
  return (
    <Card title={<h2 className="ticket-card-title">办理与回访</h2>} size="small">
      <Typography.Title level={3} className="ticket-subtitle">
        反馈
      </Typography.Title>
      {feedback ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'result', label: '反馈内容', children: <Prose text={feedback.result} /> },
            { key: 'by', label: '反馈人', children: personName(directory, feedback.by) },
            { key: 'at', label: '反馈时间', children: formatTime(feedback.at) || '—' },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">尚无反馈。</Typography.Paragraph>
      )}
      <Typography.Title level={3} className="ticket-subtitle">
        回访
      </Typography.Title>
      {callback ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'reached', label: '联系上', children: yesNo(callback.reached) },
            { key: 'satisfied', label: '满意', children: yesNo(callback.satisfied) },
            { key: 'note', label: '回访情况', children: <Prose text={callback.note} /> },
            { key: 'by', label: '回访人', children: personName(directory, callback.by) },
            { key: 'at', label: '回访时间', children: formatTime(callback.at) || '—' },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">
          {ticket.callbackDue
            ? `待回访${ticket.keyCallback ? '（重点回访：涉及诉权）' : ''}。`
            : '无需回访或尚未到回访阶段。'}
        </Typography.Paragraph>
      )}
      <Typography.Title level={3} className="ticket-subtitle">
        重复来电（{repeatCalls.length}）
      </Typography.Title>
      {repeatCalls.length === 0 ? (
        <Typography.Paragraph type="secondary">没有重复来电。</Typography.Paragraph>
      ) : (
        <ul className="plain-list">
          {repeatCalls.map((call, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: repeat calls only grow at the end
            <li key={`${call.at}-${index}`}>
              <time dateTime={call.at ?? undefined}>{formatTime(call.at)}</time>
              {call.notHandledInTime && (
                <Typography.Text type="danger" style={{ marginInlineStart: 8 }}>
                  未按期办理
                </Typography.Text>
              )}
              {call.note && <div className="ticket-prose">{call.note}</div>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
