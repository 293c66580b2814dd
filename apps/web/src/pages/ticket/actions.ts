/**
 * Which actions a person sees on a ticket: only those the API would accept from them in the
 * ticket's present state (the controller's roles and the workflow's checks). The lifecycle
 * additions of UI.md have no API yet: they are listed with `available: false` so that each
 * can be switched on, with its rule, once its endpoint exists.
 */
import type { Role } from '../../lib/labels';
import {
  escalationOf,
  isAwaitingFeedback,
  isCallbackPending,
  isFinished,
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
  // Lifecycle additions (API.md), not implemented by the API yet:
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

const RULES: Record<TicketActionKey, ActionRule> = {
  feedback: {
    available: true,
    allowed: (t, v) =>
      has(v, 'handler', 'leader') && isAwaitingFeedback(t) && isResponsibleHandler(t, v),
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
  repeatCall: {
    available: true,
    allowed: (t, v) => has(v, 'agent') && !isFinished(t),
  },
  callback: {
    available: true,
    allowed: (t, v) => has(v, 'agent') && isCallbackPending(t),
  },
  accept: {
    available: false,
    allowed: (t, v) => has(v, 'handler') && isAwaitingFeedback(t) && t.handlerId === v.id,
  },
  progress: {
    available: false,
    allowed: (t, v) => has(v, 'handler') && isAwaitingFeedback(t) && t.handlerId === v.id,
  },
  return: {
    available: false,
    allowed: (t, v) => has(v, 'handler') && isAwaitingFeedback(t) && t.handlerId === v.id,
  },
  requestExtension: {
    available: false,
    allowed: (t, v) => has(v, 'handler') && isAwaitingFeedback(t) && t.handlerId === v.id,
  },
  decideExtension: {
    available: false,
    allowed: (t, v) =>
      isAwaitingFeedback(t) &&
      (has(v, 'supervisor') || (t.departmentId !== null && v.headOf.includes(t.departmentId))),
  },
  reassign: {
    available: false,
    allowed: (t, v) => has(v, 'agent', 'supervisor') && t.status === 'returned',
  },
  attach: {
    available: false,
    allowed: () => true,
  },
};

/** The actions to offer, in the order the page shows them. */
export function availableActions(ticket: TicketFacts, viewer: Viewer): TicketActionKey[] {
  return (Object.keys(RULES) as TicketActionKey[]).filter(
    (key) => RULES[key].available && RULES[key].allowed(ticket, viewer),
  );
}
