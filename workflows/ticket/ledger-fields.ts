import type { TicketExtension } from '../../libs/domain/src/ticket';
import { ticketWorkflowId } from './contract';
import type { TicketState } from './ticket-state';

/** The ticket's ledger document as it stands: `$set` whole on every write. */
export function ledgerFields(state: TicketState) {
  const { input } = state;
  return {
    workflowId: ticketWorkflowId(input.ticketId),
    type: input.type,
    caseNumber: input.caseNumber,
    flags: { ...input.flags },
    status: state.status,
    redLight: state.redLight,
    disposition: state.disposition,
    handlerId: state.handler?.id ?? null,
    departmentId: state.departmentId,
    deadlines: Object.fromEntries(
      Object.entries(state.deadlines).map(([name, at]) => [name, at ? new Date(at) : null]),
    ),
    receivedAt: new Date(input.receivedAt),
    dispatchedAt: dateOrNull(state.dispatchedAt),
    overdueAt: dateOrNull(state.overdueAt),
    remindedAt: dateOrNull(state.remindedAt),
    reminders: state.reminders,
    bulletinedAt: dateOrNull(state.bulletinedAt),
    feedback: state.feedback ? { ...state.feedback, at: new Date(state.feedback.at) } : null,
    handledAt: dateOrNull(state.handledAt),
    callbackDue: state.callbackDue,
    keyCallback: state.keyCallback,
    callback: state.callback ? { ...state.callback, at: new Date(state.callback.at) } : null,
    closedAt: dateOrNull(state.closedAt),
    escalation: state.escalation
      ? {
          level: state.escalation.level,
          acknowledgedBy: state.escalation.acknowledgedBy,
          acknowledgedAt: dateOrNull(state.escalation.acknowledgedAt),
        }
      : null,
    repeatCalls: state.repeatCalls.map((c) => ({ ...c, at: new Date(c.at) })),
    provisionalDeadlines: state.provisionalDeadlines,
    ...lifecycleLedgerFields(state),
  };
}

function dateOrNull(at: string | null): Date | null {
  return at ? new Date(at) : null;
}

/** The ledger's fields for accept, progress, returns, reassignments and extensions. */
function lifecycleLedgerFields(state: TicketState) {
  const extension = (e: TicketExtension) => ({
    ...e,
    until: new Date(e.until),
    requestedAt: new Date(e.requestedAt),
    previousFeedbackBy: dateOrNull(e.previousFeedbackBy),
    decidedAt: dateOrNull(e.decidedAt),
  });
  return {
    acceptedAt: dateOrNull(state.acceptedAt),
    progressNotes: state.progressNotes.map((p) => ({ ...p, at: new Date(p.at) })),
    returns: state.returns.map((r) => ({ ...r, at: new Date(r.at) })),
    reassignments: state.reassignments.map((r) => ({ ...r, at: new Date(r.at) })),
    extension: state.extension ? extension(state.extension) : null,
    extensions: state.extensions.map(extension),
  };
}
