import { allHandlersFinished, condition, log, setHandler } from '@temporalio/workflow';
import { directAnswerPath } from './callback-path';
import { awaitRoutedUpdate, type TicketView, type TicketWorkflowInput } from './contract';
import { escalationPath, leadershipReport } from './escalation-path';
import { registerMessageHandlers } from './message-handlers';
import { policyActivities } from './ticket-activities';
import { ticketRun } from './ticket-run';
import { TicketState } from './ticket-state';
import { transferPath } from './transfer-path';

/**
 * One ticket's life, from intake to close (Art. 4–8, 10): route, dispatch, the feedback
 * window with its yellow warning, overdue and red light, reminders, bulletin, escalation,
 * feedback and callback. Timers, not polling: each deadline fires when it is due.
 *
 * The order of the steps below is the order of the commands in every running ticket's
 * history: keep it (docs/workflows.md, "Changing workflow code").
 */
export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketView> {
  const state = new TicketState(input);
  // Set before the first await: the intake sends this update with the start, and an update
  // that has no handler by the end of the first activation is rejected.
  setHandler(awaitRoutedUpdate, async () => {
    await condition(() => state.status !== 'open');
    return state.view();
  });
  const policy = input.policy ?? (await policyActivities.currentPolicy());
  const run = ticketRun(input, policy, state);
  registerMessageHandlers(run);

  run.refreshSearchAttributes();
  state.record('created', input.loggedBy, input.disposition.explanation, Date.now());
  run.ledger.changed();
  void run.ledger.run();
  void run.outbox.run();
  void run.clock.recomputeOnCalendarChange();
  leadershipReport(run);

  const mainPath = state.routes.transfer
    ? transferPath(run)
    : state.routes.direct_answer
      ? directAnswerPath(run)
      : Promise.resolve();
  await Promise.all([mainPath, escalationPath(run)]);
  if (!state.routes.transfer && !state.routes.direct_answer) {
    state.close(Date.now(), 'system');
    run.ledger.changed();
  }

  await condition(() => run.outbox.idle && run.ledger.settled && allHandlersFinished());
  log.info('ticket closed', { ticketId: input.ticketId, status: state.status });
  return state.view();
}
