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

/**
 * Keeps the ticket's search attributes (for admins in the Web UI, no personal data) current:
 * the returned function upserts them when they differ from the ones last shown.
 */
export function searchAttributeSync(state: TicketState): () => void {
  let shown = '';
  return () => {
    const deadline = nextDeadline(state);
    const values = {
      status: state.status,
      redLight: state.redLight,
      deadline,
      handler: state.handler?.id ?? null,
      department: state.departmentId,
    };
    const key = JSON.stringify(values);
    if (key === shown) return;
    shown = key;
    upsertSearchAttributes([
      { key: TicketType, value: state.input.type },
      { key: TicketStatus, value: values.status },
      { key: TicketRedLight, value: values.redLight },
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
