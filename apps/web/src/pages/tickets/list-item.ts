/** What a row of a ticket list shows besides the plain fields: its light and the deadline that matters. */
import type { TicketListItem } from '../../api/types';
import type { LightInput } from '../../lib/lights';
import { AWAITING_FEEDBACK_STATUSES } from '../ticket/ticket-state';

export interface RowDeadline {
  label: string;
  at: string;
}

/** The deadline the ticket is waiting on now: dispatch, feedback or callback; null when none. */
export function currentDeadline(
  item: Pick<TicketListItem, 'status' | 'deadlines'>,
): RowDeadline | null {
  const { deadlines, status } = item;
  if (status === 'open' && deadlines.dispatchBy)
    return { label: '派发期限', at: deadlines.dispatchBy };
  if (AWAITING_FEEDBACK_STATUSES.includes(status) && deadlines.feedbackBy) {
    return { label: '反馈期限', at: deadlines.feedbackBy };
  }
  if ((status === 'handled' || status === 'answered') && deadlines.callbackBy) {
    return { label: '回访期限', at: deadlines.callbackBy };
  }
  return null;
}

/** A list row as the light needs it: the feedback window opens at dispatch, shortly after receipt. */
export function lightInputOf(
  item: Pick<TicketListItem, 'status' | 'redLight' | 'deadlines' | 'receivedAt'>,
): LightInput {
  return {
    status: item.status,
    redLight: item.redLight,
    deadlines: item.deadlines,
    windowStart: item.receivedAt,
  };
}
