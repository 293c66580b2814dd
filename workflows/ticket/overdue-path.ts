import { condition } from '@temporalio/workflow';
import { GROUP_RECIPIENTS } from './recipients';
import type { TicketRun } from './ticket-run';

/** A reminder (催办) to the head of the handler's department, or the handler when there is none. */
export function sendReminder(run: TicketRun, actorId: string, note: string | null): void {
  const { state } = run;
  state.remind(Date.now(), actorId, note);
  run.ledger.changed();
  run.outbox.notify('reminder', [state.departmentHead ?? state.handler], `r${state.reminders}`, {
    reminders: state.reminders,
  });
}

/** Art. 8: reminder within 1 working day, then bulletin, then a reminder each period. */
export async function overduePath(run: TicketRun): Promise<void> {
  const { state, clock, policy } = run;
  await clock.setDeadlineAfter('reminderBy', state.overdueAt!, policy.reminderWithin);
  if (policy.autoRemind) {
    sendReminder(run, 'system', null);
  } else await agentsFirstReminder(run, false);
  await remindEachPeriod(run, 1, 'start');
}

/**
 * Without automatic reminders: waits for an agent's first reminder (催办), telling the
 * supervisors once `reminderBy` passes. `late`: a continued run (issue #17) whose previous run
 * already told them. Both waits are points a run can continue from.
 */
export async function agentsFirstReminder(run: TicketRun, late: boolean): Promise<void> {
  const { state, ledger, outbox, clock, requests } = run;
  const remindedOrHandled = () =>
    state.routeStatus === 'handled' || requests.manualReminder !== null;
  let flagged = late;
  if (!flagged) {
    run.resume.main = { at: 'first-reminder', late: false };
    const reminded = await clock.waitUntil(
      clock.deadlineMs('reminderBy'),
      remindedOrHandled,
      '等待座席员催办',
    );
    run.resume.main = null;
    if (!reminded) {
      state.noteReminderLate(Date.now());
      ledger.changed();
      outbox.notify('reminder_late', [GROUP_RECIPIENTS.supervisors], 'first', {}, { sms: false });
      flagged = true;
    }
  }
  if (flagged) {
    run.resume.main = { at: 'first-reminder', late: true };
    await condition(remindedOrHandled);
    run.resume.main = null;
  }
}

/**
 * Art. 8 after the first reminder: bulletin, then a reminder each period until feedback comes.
 * `from`: `start` opens period `firstPeriod`; a continued run (issue #17) goes back into its
 * wait for `bulletinBy` (set by the previous run), or for an agent's reminder after it.
 */
export async function remindEachPeriod(
  run: TicketRun,
  firstPeriod: number,
  from: 'start' | 'bulletin-wait' | 'agent-wait',
): Promise<void> {
  const { state, ledger, outbox, clock, policy, requests } = run;
  const handled = () => state.routeStatus === 'handled';
  const awaitAgent = async (period: number) => {
    run.resume.main = { at: 'agent-reminder', period };
    await condition(() => handled() || requests.manualReminder !== null);
    run.resume.main = null;
  };
  if (from === 'agent-wait') {
    await awaitAgent(firstPeriod);
    return remindEachPeriod(run, firstPeriod + 1, 'start');
  }
  let waiting = from === 'bulletin-wait';
  for (let period = firstPeriod; !handled(); period += 1) {
    if (!waiting) {
      if (requests.manualReminder) {
        sendReminder(run, requests.manualReminder.actorId, requests.manualReminder.note);
        requests.manualReminder = null;
      }
      await clock.setDeadlineAfter('bulletinBy', state.remindedAt!, policy.bulletinAfter);
    }
    waiting = false;
    run.resume.main = { at: 'reminder-period', period };
    const stopped = await clock.waitUntil(
      clock.deadlineMs('bulletinBy'),
      () => handled() || requests.manualReminder !== null,
      state.bulletinedAt ? '等待反馈（下一次催办）' : '催办后等待反馈（逾期将通报）',
    );
    run.resume.main = null;
    if (stopped) continue;
    if (!state.bulletinedAt) {
      state.bulletin(Date.now());
      ledger.changed();
      outbox.notify(
        'bulletin',
        [state.departmentHead, GROUP_RECIPIENTS.supervisors],
        'first',
        {},
        { sms: false },
      );
    }
    if (policy.autoRemind) sendReminder(run, 'system', `通报后第${period}次催办`);
    else {
      outbox.notify(
        'reminder_late',
        [GROUP_RECIPIENTS.supervisors],
        `p${period}`,
        {},
        { sms: false },
      );
      await awaitAgent(period);
    }
  }
  requests.manualReminder = null;
}
