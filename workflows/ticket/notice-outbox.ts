import { condition, log } from '@temporalio/workflow';
import type { DispositionTarget } from '../../libs/domain/src/disposition-types';
import type { QuietHours } from '../../libs/domain/src/quiet-hours';
import { TICKET_TYPE_LABELS } from '../../libs/domain/src/ticket';
import type { Notice, NoticeFacts, NoticeKind } from '../../libs/notifications/src/notice';
import { notificationActivities } from './ticket-activities';
import type { TicketState } from './ticket-state';

export interface NoticeOptions {
  sms?: boolean;
  urgent?: boolean;
}

/**
 * The ticket's notices: queued, and sent in batches by their own loop, so that a slow SMS
 * provider never holds up a deadline, and notices due at the same moment share one activity.
 * Each is keyed (ticket, kind, recipient, occurrence).
 */
export class NoticeOutbox {
  private readonly queue: Notice[] = [];
  private delivering = false;
  private readonly typeLabel: string;

  constructor(
    private readonly state: TicketState,
    private readonly quietHours: QuietHours | null,
  ) {
    this.typeLabel = TICKET_TYPE_LABELS[state.input.type];
  }

  notify(
    kind: NoticeKind,
    recipients: (DispositionTarget | string | null | undefined)[],
    occurrence: string,
    facts: Partial<NoticeFacts> = {},
    options: NoticeOptions = {},
  ): void {
    const { ticketId } = this.state.input;
    const ids = new Set(
      recipients
        .map((r) => (typeof r === 'string' ? r : r?.id))
        .filter((id): id is string => typeof id === 'string'),
    );
    for (const recipientId of ids) {
      this.queue.push({
        key: `${ticketId}:${kind}:${recipientId}:${occurrence}`,
        recipientId,
        kind,
        facts: {
          ticketId,
          typeLabel: this.typeLabel,
          handlerName: this.state.handler?.name,
          ...facts,
        },
        sms: options.sms ?? true,
        urgent: options.urgent ?? false,
      });
    }
  }

  /** Nothing queued and nothing on its way. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.delivering;
  }

  async run(): Promise<never> {
    for (;;) {
      await condition(() => this.queue.length > 0);
      this.delivering = true;
      const notices = this.queue.splice(0);
      const summary = [...new Set(notices.map((n) => `${n.kind}→${n.recipientId}`))].join('、');
      try {
        await notificationActivities(`发送通知：${summary}`).deliverNotices({
          notices,
          quietHours: this.quietHours,
        });
      } catch (error) {
        // Only a non-retryable failure gets here (transient ones retry without end); it must
        // not stop the ticket's deadlines, so it is logged for the admins and the ticket goes on.
        log.error('notices could not be delivered', {
          ticketId: this.state.input.ticketId,
          summary,
          error: String(error),
        });
      }
      this.delivering = false;
    }
  }
}
