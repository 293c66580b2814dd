import { upsertSearchAttributes } from '@temporalio/workflow';
import {
  TicketDeadline,
  TicketDepartment,
  TicketHandler,
  TicketRedLight,
  TicketStatus,
  TicketType,
} from './contract';
import type { TicketState } from './ticket-state';

/** The search attribute values the state calls for, as a key to compare with the ones shown. */
export function searchAttributeKey(state: TicketState): string {
  return JSON.stringify({
    status: state.status,
    redLight: state.redLight,
    deadline: nextDeadline(state),
    handler: state.handler?.id ?? null,
    department: state.departmentId,
  });
}

/**
 * Keeps the ticket's search attributes (for admins in the Web UI, no personal data) current:
 * the returned function upserts them when they differ from the ones last shown (`shown`: the
 * key a previous run of the ticket left them at).
 */
export function searchAttributeSync(state: TicketState, shown = ''): () => void {
  return () => {
    const deadline = nextDeadline(state);
    const key = searchAttributeKey(state);
    if (key === shown) return;
    shown = key;
    upsertSearchAttributes([
      { key: TicketType, value: state.input.type },
      { key: TicketStatus, value: state.status },
      { key: TicketRedLight, value: state.redLight },
      { key: TicketDepartment, value: state.departmentId },
      { key: TicketHandler, value: state.handler?.id ?? null },
      { key: TicketDeadline, value: deadline ? new Date(deadline) : null },
    ]);
  };
}

/** The deadline that matters next, for the TicketDeadline search attribute. */
function nextDeadline(state: TicketState): string | null {
  const { deadlines } = state;
  if (
    state.routeStatus === 'closed' ||
    state.routeStatus === 'returned' ||
    (state.routeStatus === 'answered' && !state.callbackDue)
  )
    return null;
  if (state.routeStatus === 'handled' || state.routeStatus === 'answered')
    return deadlines.callbackBy;
  if (state.routeStatus === 'overdue') return deadlines.reminderBy;
  if (state.routeStatus === 'reminded' || state.routeStatus === 'bulletined')
    return deadlines.bulletinBy;
  return deadlines.feedbackBy ?? deadlines.dispatchBy;
}
