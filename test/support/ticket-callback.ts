import type { WorkflowHandle } from '@temporalio/client';
import {
  type CallbackInput,
  getTicketQuery,
  recordCallbackUpdate,
  type TicketView,
} from '../../workflows/ticket/contract';
import { eventually } from './temporal-harness';

/** The callback most paths end with: the caller reached and satisfied. */
export const SATISFIED_CALLBACK: CallbackInput = {
  actorId: 'agent01',
  reached: true,
  satisfied: true,
  note: null,
};

/** The timeline's end after feedback is submitted and `callBackOnceDue` records the callback. */
export const FEEDBACK_TO_CLOSE = ['feedback', 'handled', 'callback_due', 'callback', 'closed'];

/** Records the callback once the handled ticket has it due; the ticket as the update answers. */
export async function callBackOnceDue(
  handle: WorkflowHandle,
  callback: CallbackInput = SATISFIED_CALLBACK,
): Promise<TicketView> {
  await eventually(async () => {
    if (!(await handle.query(getTicketQuery)).deadlines.callbackBy) throw new Error('not yet');
  }, 'callbackBy');
  return handle.executeUpdate(recordCallbackUpdate, { args: [callback] });
}
