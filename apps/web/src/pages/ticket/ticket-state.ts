/**
 * What the page reads off a ticket (GET /api/tickets/:id) to decide what to show: pure, no React,
 * so the rules are unit-tested.
 */
import type { TicketView } from '../../api/types';

/** The statuses in which the API may still be waiting for the handler's feedback. */
export const AWAITING_FEEDBACK_STATUSES: readonly string[] = [
  'dispatched',
  'overdue',
  'reminded',
  'bulletined',
  'escalated',
];

export type TicketFacts = Pick<
  TicketView,
  | 'status'
  | 'handlerId'
  | 'departmentId'
  | 'deadlines'
  | 'feedback'
  | 'callback'
  | 'callbackDue'
  | 'escalation'
  | 'reminders'
  | 'timeline'
  | 'redLight'
  | 'acceptedAt'
  | 'extension'
>;

/**
 * Waiting for the handler's feedback. `escalated` also covers an escalated ticket that was
 * answered directly or is not dispatched yet; only a dispatched transfer (a handler and a
 * feedback deadline) can take feedback.
 */
export function isAwaitingFeedback(ticket: TicketFacts): boolean {
  return (
    AWAITING_FEEDBACK_STATUSES.includes(ticket.status) &&
    ticket.feedback === null &&
    ticket.handlerId !== null &&
    !!ticket.deadlines.feedbackBy
  );
}

/** The workflow is over: a closed ticket, or a direct answer that needs no callback. */
/**
 * Before the red light: awaiting feedback, not red and not past any of the overdue steps (the
 * API's window for 退回 and 申请延期).
 */
export function isBeforeRedLight(ticket: TicketFacts): boolean {
  return (
    isAwaitingFeedback(ticket) &&
    !ticket.redLight &&
    !['overdue', 'reminded', 'bulletined'].includes(ticket.status)
  );
}

export type ExtensionFacts = NonNullable<TicketView['extension']>;

/** The extension request waiting for a decision, if any (the ledger's copy may lack the field). */
export function pendingExtension(ticket: Pick<TicketFacts, 'extension'>): ExtensionFacts | null {
  const extension = ticket.extension ?? null;
  return extension?.status === 'pending' ? extension : null;
}

export function isFinished(ticket: Pick<TicketFacts, 'status' | 'callbackDue'>): boolean {
  return ticket.status === 'closed' || (ticket.status === 'answered' && !ticket.callbackDue);
}

export function isCallbackPending(ticket: TicketFacts): boolean {
  return ticket.callbackDue && ticket.callback === null && ticket.status !== 'closed';
}

export interface EscalationFacts {
  level: number | null;
  notified: string[];
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  note: string | null;
}

/** The escalation as the API gives it (the live view lists who was notified; the ledger may not). */
export function escalationOf(ticket: Pick<TicketFacts, 'escalation'>): EscalationFacts | null {
  const e = ticket.escalation;
  if (!e) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    level: typeof e.level === 'number' ? e.level : null,
    notified: Array.isArray(e.notified)
      ? e.notified.filter((id): id is string => typeof id === 'string')
      : [],
    acknowledgedBy: text(e.acknowledgedBy),
    acknowledgedAt: text(e.acknowledgedAt),
    note: text(e.note),
  };
}

/** When the feedback window opened (for the yellow light): the dispatch, else the receipt. */
export function feedbackWindowStart(
  ticket: Pick<TicketView, 'timeline' | 'receivedAt'>,
): string | null {
  return ticket.timeline.find((e) => e.kind === 'dispatched')?.at ?? ticket.receivedAt;
}

export interface EscalationLevel {
  level: number;
  label: string;
  people: { id: string; name: string }[];
}

/** The 4.8 ladder of the disposition (levels and whom each notifies); [] when there is none. */
export function escalationLadderOf(
  disposition: Pick<NonNullable<TicketView['disposition']>, 'escalationLadder'> | null,
): EscalationLevel[] {
  const ladder = disposition?.escalationLadder;
  if (!Array.isArray(ladder)) return [];
  return ladder.flatMap((raw): EscalationLevel[] => {
    const level = raw as Partial<EscalationLevel> | null;
    if (!level || typeof level.level !== 'number') return [];
    const people = Array.isArray(level.people)
      ? level.people.filter((p) => p && typeof p.id === 'string' && typeof p.name === 'string')
      : [];
    return [{ level: level.level, label: String(level.label ?? ''), people }];
  });
}
