/**
 * Which actions a person sees on a ticket: only those the API would accept from them in the
 * ticket's present state (the controller's roles and the workflow's checks). An action whose
 * endpoint is withdrawn can be listed with `available: false`.
 */
import type { Role } from '../../lib/labels';
import {
  escalationOf,
  isAwaitingFeedback,
  isBeforeRedLight,
  isCallbackPending,
  isFinished,
  pendingExtension,
  type TicketFacts,
} from './ticket-state';

export interface Viewer {
  id: string;
  roles: readonly Role[];
  /** Departments this person heads (from the directory; empty while it loads). */
  headOf: readonly string[];
}

export type TicketActionKey =
  | 'feedback'
  | 'acknowledge'
  | 'remind'
  | 'repeatCall'
  | 'callback'
  // The lifecycle additions (API.md "Ticket lifecycle additions"):
  | 'accept'
  | 'progress'
  | 'return'
  | 'requestExtension'
  | 'decideExtension'
  | 'reassign'
  | 'attach';

interface ActionRule {
  /** Whether the API has the endpoint. */
  available: boolean;
  allowed: (ticket: TicketFacts, viewer: Viewer) => boolean;
}

const has = (viewer: Viewer, ...roles: Role[]) => roles.some((r) => viewer.roles.includes(r));

/** The handler addressed, or the head of the ticket's department (the workflow's check). */
export function isResponsibleHandler(ticket: TicketFacts, viewer: Viewer): boolean {
  if (ticket.handlerId === viewer.id) return true;
  return ticket.departmentId !== null && viewer.headOf.includes(ticket.departmentId);
}

/** The handler addressed (not the department head: the lifecycle additions are theirs alone). */
const isAddressed = (t: TicketFacts, v: Viewer) =>
  has(v, 'handler', 'leader') && t.handlerId !== null && t.handlerId === v.id;

/** In the order the page shows them: what the person is asked to do first comes first. */
const RULES: Record<TicketActionKey, ActionRule> = {
  // 签收, once.
  accept: {
    available: true,
    allowed: (t, v) => isAddressed(t, v) && isAwaitingFeedback(t) && !t.acceptedAt,
  },
  // 同意延期 / 不同意延期: the head of the ticket's department (unless the head asked), or a
  // supervisor, while a request is pending.
  decideExtension: {
    available: true,
    allowed: (t, v) => {
      const pending = pendingExtension(t);
      if (!pending || !isAwaitingFeedback(t)) return false;
      if (has(v, 'supervisor')) return true;
      return (
        t.departmentId !== null && v.headOf.includes(t.departmentId) && pending.requestedBy !== v.id
      );
    },
  },
  // 改派: a returned ticket (agent, supervisor); a supervisor may also move a dispatched one.
  reassign: {
    available: true,
    allowed: (t, v) =>
      (has(v, 'agent', 'supervisor') && t.status === 'returned') ||
      (has(v, 'supervisor') && t.status === 'dispatched' && t.handlerId !== null),
  },
  feedback: {
    available: true,
    allowed: (t, v) =>
      has(v, 'handler', 'leader') && isAwaitingFeedback(t) && isResponsibleHandler(t, v),
  },
  // 进展说明: an interim reply, while the feedback is awaited.
  progress: {
    available: true,
    allowed: (t, v) => isAddressed(t, v) && isAwaitingFeedback(t),
  },
  // 申请延期: before the red light, one pending request at a time.
  requestExtension: {
    available: true,
    allowed: (t, v) => isAddressed(t, v) && isBeforeRedLight(t) && pendingExtension(t) === null,
  },
  // 退回: only while dispatched (before the red light).
  return: {
    available: true,
    allowed: (t, v) => isAddressed(t, v) && isAwaitingFeedback(t) && t.status === 'dispatched',
  },
  acknowledge: {
    available: true,
    allowed: (t, v) => {
      const escalation = escalationOf(t);
      return (
        has(v, 'leader', 'handler') &&
        escalation !== null &&
        escalation.acknowledgedBy === null &&
        escalation.notified.includes(v.id)
      );
    },
  },
  // Overdue and not yet reminded; and a bulletined ticket, for which the next reminder is due.
  remind: {
    available: true,
    allowed: (t, v) =>
      has(v, 'agent') && isAwaitingFeedback(t) && ['overdue', 'bulletined'].includes(t.status),
  },
  callback: {
    available: true,
    allowed: (t, v) => has(v, 'agent') && isCallbackPending(t),
  },
  repeatCall: {
    available: true,
    allowed: (t, v) => has(v, 'agent') && !isFinished(t),
  },
  // 上传附件: anyone who may read the ticket (the page is only shown to them).
  attach: {
    available: true,
    allowed: () => true,
  },
};

/** The actions to offer, in the order the page shows them. */
export function availableActions(ticket: TicketFacts, viewer: Viewer): TicketActionKey[] {
  return (Object.keys(RULES) as TicketActionKey[]).filter(
    (key) => RULES[key].available && RULES[key].allowed(ticket, viewer),
  );
}
