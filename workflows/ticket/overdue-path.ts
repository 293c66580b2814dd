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
  const { state, ledger, outbox, clock, policy, requests } = run;
  const handled = () => state.routeStatus === 'handled';
  await clock.setDeadlineAfter('reminderBy', state.overdueAt!, policy.reminderWithin);
  if (policy.autoRemind) {
    sendReminder(run, 'system', null);
  } else {
    const reminded = await clock.waitUntil(
      clock.deadlineMs('reminderBy'),
      () => handled() || requests.manualReminder !== null,
      '等待座席员催办',
    );
    if (!reminded) {
      state.noteReminderLate(Date.now());
      ledger.changed();
      outbox.notify('reminder_late', [GROUP_RECIPIENTS.supervisors], 'first', {}, { sms: false });
      await condition(() => handled() || requests.manualReminder !== null);
    }
  }
  for (let period = 1; !handled(); period += 1) {
    if (requests.manualReminder) {
      sendReminder(run, requests.manualReminder.actorId, requests.manualReminder.note);
      requests.manualReminder = null;
    }
    await clock.setDeadlineAfter('bulletinBy', state.remindedAt!, policy.bulletinAfter);
    const stopped = await clock.waitUntil(
      clock.deadlineMs('bulletinBy'),
      () => handled() || requests.manualReminder !== null,
      state.bulletinedAt ? '等待反馈（下一次催办）' : '催办后等待反馈（逾期将通报）',
    );
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
      await condition(() => handled() || requests.manualReminder !== null);
    }
  }
  requests.manualReminder = null;
}
