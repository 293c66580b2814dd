import { condition } from '@temporalio/workflow';
import { GROUP_RECIPIENTS } from './recipients';
import type { TicketRun } from './ticket-run';

/** Callback (回访, Art. 10): due within POLICY_CALLBACK_WITHIN; a late one is flagged, then awaited. */
export async function awaitCallback(run: TicketRun): Promise<void> {
  const { state, ledger, outbox, clock, policy } = run;
  const from = state.handledAt ?? new Date(Date.now()).toISOString();
  const callbackBy = await clock.setDeadlineAfter('callbackBy', from, policy.callbackWithin);
  state.record(
    'callback_due',
    'system',
    state.keyCallback ? '重点回访（涉及诉权）' : null,
    Date.now(),
  );
  ledger.changed();
  outbox.notify(
    'callback_due',
    [GROUP_RECIPIENTS.agents],
    'due',
    { deadline: new Date(callbackBy).toISOString() },
    { sms: false },
  );
  await callbackRecorded(run, false);
}

/**
 * Waits for the callback, flagging a late one, then closes. `late`: a continued run (issue
 * #17) whose previous run already flagged it. Both waits are points a run can continue from.
 */
export async function callbackRecorded(run: TicketRun, late: boolean): Promise<void> {
  const { state, ledger, outbox, clock } = run;
  let flagged = late;
  if (!flagged) {
    run.resume.main = { at: 'callback', late: false };
    const done = await clock.waitUntil(
      clock.deadlineMs('callbackBy'),
      () => state.callback !== null,
      '等待回访',
    );
    run.resume.main = null;
    if (!done) {
      outbox.notify(
        'callback_due',
        [GROUP_RECIPIENTS.agents, GROUP_RECIPIENTS.supervisors],
        'late',
        { deadline: state.deadlines.callbackBy },
        { sms: false },
      );
      flagged = true;
    }
  }
  if (flagged) {
    run.resume.main = { at: 'callback', late: true };
    await condition(() => state.callback !== null);
    run.resume.main = null;
  }
  state.close(Date.now(), state.callback!.by);
  ledger.changed();
}

/** A direct answer (4.1, 4.2): answered at once; a key callback when litigation rights are involved. */
export async function directAnswerPath(run: TicketRun): Promise<void> {
  run.state.answerDirectly(Date.now());
  run.ledger.changed();
  if (run.state.callbackDue) await awaitCallback(run);
}
