/** The ticket's deadlines as the page lists them, and which of them are already met. */
import type { Deadlines } from '../../api/types';
import type { TicketFacts } from './ticket-state';

export type DeadlineName = keyof Deadlines;

export const DEADLINE_LABELS: Record<DeadlineName, string> = {
  dispatchBy: '派发期限',
  feedbackBy: '反馈期限',
  reminderBy: '催办期限',
  bulletinBy: '通报期限',
  callbackBy: '回访期限',
};

const ORDER: DeadlineName[] = [
  'dispatchBy',
  'feedbackBy',
  'reminderBy',
  'bulletinBy',
  'callbackBy',
];

/** Whether what the deadline waits for has happened (then no countdown is shown). */
export function deadlineMet(name: DeadlineName, ticket: TicketFacts): boolean {
  if (ticket.status === 'closed') return true;
  const fedBack = ticket.feedback !== null;
  switch (name) {
    case 'dispatchBy':
      return ticket.status !== 'open' && ticket.timeline.some((e) => e.kind === 'dispatched');
    case 'feedbackBy':
      return fedBack;
    case 'reminderBy':
      return fedBack || ticket.reminders > 0;
    case 'bulletinBy':
      return fedBack;
    case 'callbackBy':
      return ticket.callback !== null;
  }
}

export interface DeadlineRow {
  name: DeadlineName;
  label: string;
  at: string;
  met: boolean;
}

/** The deadlines the ticket has (set ones only), in the order of its life. */
export function deadlineRows(ticket: TicketFacts): DeadlineRow[] {
  return ORDER.flatMap((name) => {
    const at = ticket.deadlines[name];
    return at ? [{ name, label: DEADLINE_LABELS[name], at, met: deadlineMet(name, ticket) }] : [];
  });
}
