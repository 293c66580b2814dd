import { Card, Descriptions, type DescriptionsProps, Tag, Typography } from 'antd';
import type { TicketView } from '../../../api/types';
import { EXTENSION_STATUS_LABELS, labelOf } from '../../../lib/labels';
import { formatTime } from '../../../lib/time';
import { type DirectoryLookup, personName } from '../directory';
import { routeChanges } from '../lifecycle';
import { Prose } from './CallSection';

type Extension = NonNullable<TicketView['extension']>;

/** Tags with text dark enough on their background (antd's gold and green are not, for axe). */
const EXTENSION_TAG: Record<string, { className?: string; color?: string }> = {
  pending: { className: 'tag-warn' },
  approved: { className: 'tag-ok' },
  refused: { color: 'red' },
  expired: {},
};

function ExtensionTag({ status }: { status: string }) {
  return <Tag {...EXTENSION_TAG[status]}>{labelOf(EXTENSION_STATUS_LABELS, status)}</Tag>;
}

function extensionItems(
  extension: Extension,
  directory: DirectoryLookup | undefined,
): DescriptionsProps['items'] {
  const items: DescriptionsProps['items'] = [
    { key: 'status', label: '状态', children: <ExtensionTag status={extension.status} /> },
    { key: 'until', label: '延期至', children: formatTime(extension.until) || '—' },
  ];
  if (extension.previousFeedbackBy) {
    items.push({
      key: 'previous',
      label: '原反馈期限',
      children: formatTime(extension.previousFeedbackBy),
    });
  }
  items.push(
    { key: 'reason', label: '理由', children: <Prose text={extension.reason} /> },
    {
      key: 'by',
      label: '申请',
      children: `${personName(directory, extension.requestedBy)} · ${formatTime(extension.requestedAt) || '—'}`,
    },
  );
  if (extension.decidedBy || extension.decidedAt) {
    items.push({
      key: 'decided',
      label: '审批',
      children: `${personName(directory, extension.decidedBy) || '—'} · ${formatTime(extension.decidedAt) || '—'}`,
    });
  }
  if (extension.note) {
    items.push({ key: 'note', label: '审批意见', children: <Prose text={extension.note} /> });
  }
  return items;
}

/** Whether the ticket has anything for this section: a handler, or one of the additions. */
export function hasHandling(ticket: TicketView): boolean {
  return (
    ticket.handlerId !== null ||
    !!ticket.acceptedAt ||
    !!ticket.extension ||
    (ticket.progressNotes?.length ?? 0) > 0 ||
    (ticket.returns?.length ?? 0) > 0 ||
    (ticket.reassignments?.length ?? 0) > 0
  );
}

/**
 * `承办情况`: whether the handler has signed for it (签收), the last extension request, the
 * progress notes (进展说明), and the routes it took (退回, 改派 with the time lost).
 */
export function HandlingSection({
  ticket,
  directory,
}: {
  ticket: TicketView;
  directory: DirectoryLookup | undefined;
}) {
  if (!hasHandling(ticket)) return null;
  const extension = ticket.extension ?? null;
  const earlier = (ticket.extensions ?? []).length - (extension ? 1 : 0);
  const notes = ticket.progressNotes ?? [];
  const routes = routeChanges(ticket, directory);
  return (
    <section aria-labelledby="ticket-handling-title">
      <Card
        title={
          <h2 id="ticket-handling-title" className="ticket-card-title">
            承办情况
          </h2>
        }
        size="small"
      >
        {/* A returned ticket is with no one until it is reassigned. */}
        {ticket.status !== 'returned' && (
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'accepted',
                label: '签收',
                children: ticket.acceptedAt ? (
                  <span>
                    <Tag className="tag-ok">已签收</Tag>
                    <time dateTime={ticket.acceptedAt}>{formatTime(ticket.acceptedAt)}</time>
                  </span>
                ) : (
                  <Tag>未签收</Tag>
                ),
              },
            ]}
          />
        )}
        <Typography.Title level={3} className="ticket-subtitle">
          延期
        </Typography.Title>
        {extension ? (
          <>
            <Descriptions column={1} size="small" items={extensionItems(extension, directory)} />
            {earlier > 0 && (
              <Typography.Text type="secondary">此前另有 {earlier} 次延期申请。</Typography.Text>
            )}
          </>
        ) : (
          <Typography.Paragraph type="secondary">没有延期申请。</Typography.Paragraph>
        )}
        <Typography.Title level={3} className="ticket-subtitle">
          办理进展（{notes.length}）
        </Typography.Title>
        {notes.length === 0 ? (
          <Typography.Paragraph type="secondary">尚无进展说明。</Typography.Paragraph>
        ) : (
          <ul className="plain-list">
            {notes.map((note, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes only grow at the end
              <li key={`${note.at}-${index}`}>
                <span className="ticket-timeline-meta">
                  {personName(directory, note.by)} ·{' '}
                  <time dateTime={note.at ?? undefined}>{formatTime(note.at)}</time>
                </span>
                <div className="ticket-prose">{note.note}</div>
              </li>
            ))}
          </ul>
        )}
        {routes.length > 0 && (
          <>
            <Typography.Title level={3} className="ticket-subtitle">
              退回与改派
            </Typography.Title>
            <ul className="plain-list">
              {routes.map((route, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: routes only grow at the end
                <li key={`${route.kind}-${route.at}-${index}`}>
                  <span className="ticket-timeline-meta">
                    <time dateTime={route.at ?? undefined}>{formatTime(route.at)}</time> ·{' '}
                    {personName(directory, route.by)}
                  </span>
                  <div>
                    {route.kind === 'returned' ? (
                      <>
                        <Tag className="tag-warn ticket-route-tag">退回</Tag>
                        {route.reason}
                      </>
                    ) : (
                      <>
                        <Tag color="blue" className="ticket-route-tag">
                          改派
                        </Tag>
                        {route.from} → {route.to}
                        <Typography.Text type="secondary" className="ticket-route-lost">
                          耗时 {route.lost}
                        </Typography.Text>
                        <div className="ticket-prose">理由：{route.reason}</div>
                      </>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </section>
  );
}
