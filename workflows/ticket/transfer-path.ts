import { condition } from '@temporalio/workflow';
import { formatDuration } from '../../libs/domain/src/duration';
import { awaitCallback } from './callback-path';
import type { MainPathResume } from './carried-run';
import { agentsFirstReminder, overduePath, remindEachPeriod } from './overdue-path';
import { CALLER_RECIPIENT } from './recipients';
import type { TicketRun } from './ticket-run';

type WindowResume = Extract<MainPathResume, { at: 'feedback-window' }>;
type TransferResume = Exclude<MainPathResume, { at: 'done' | 'callback' }>;

/**
 * A transfer (Art. 5): dispatched at once, then feedback windows until one ends handled — a
 * return (退回) or reassignment (改派) before the red light opens the next — then the callback.
 */
export async function transferPath(run: TicketRun): Promise<void> {
  const { state, clock, policy } = run;
  await clock.setDeadlineAfter('dispatchBy', run.input.receivedAt, policy.dispatchWithin);
  state.dispatch(Date.now());
  await feedbackWindows(run, 0, null);
}

/**
 * A continued run's transfer (issue #17): back where the previous run waited — in a feedback
 * window, for a reassignment, for a reminder or in a reminder period — and on from there as
 * `transferPath` goes.
 */
export async function resumedTransferPath(run: TicketRun, resume: TransferResume): Promise<void> {
  switch (resume.at) {
    case 'feedback-window':
    case 'reassign':
      return feedbackWindows(run, resume.round, resume);
    case 'first-reminder':
      await agentsFirstReminder(run, resume.late);
      await remindEachPeriod(run, 1, 'start');
      break;
    case 'reminder-period':
      await remindEachPeriod(run, resume.period, 'bulletin-wait');
      break;
    case 'agent-reminder':
      await remindEachPeriod(run, resume.period, 'agent-wait');
      break;
  }
  await awaitCallback(run);
}

/** Feedback windows from `firstRound` until one ends handled, then the callback. */
async function feedbackWindows(
  run: TicketRun,
  firstRound: number,
  resumed: WindowResume | Extract<MainPathResume, { at: 'reassign' }> | null,
): Promise<void> {
  const { state, ledger, requests } = run;
  for (let round = firstRound; ; round += 1) {
    if (resumed?.at !== 'reassign') {
      const handled = resumed
        ? await windowWaits(run, round, resumed)
        : await feedbackWindow(run, round);
      if (handled) break;
    }
    resumed = null;
    // Returned (退回) or reassigned straight away: wait for the new route (改派).
    run.resume.main = { at: 'reassign', round };
    await condition(() => requests.reassign !== null);
    run.resume.main = null;
    const { actorId, departmentHead, ...route } = requests.reassign!;
    requests.reassign = null;
    state.reassign(actorId, route, departmentHead, Date.now());
    ledger.changed();
  }
  await awaitCallback(run);
}

/**
 * One handler's feedback window (Art. 5, 7, 8): the deadline from the dispatch, the yellow
 * warning, then overdue, reminders and bulletin. True once handled; false when the ticket is
 * returned or reassigned before its red light, and a new window follows.
 */
async function feedbackWindow(run: TicketRun, round: number): Promise<boolean> {
  const { state, outbox, clock, policy, requests } = run;
  const dispatchedAt = Date.parse(state.dispatchedAt!);
  const feedbackBy = await clock.setDeadlineAfter(
    'feedbackBy',
    state.dispatchedAt!,
    policy.feedbackWithin,
  );
  requests.windowsOpened += 1;
  const occurrence = round === 0 ? 'first' : `a${round}`;
  outbox.notify('dispatch', [state.handler, state.departmentHead], occurrence, {
    deadline: state.deadlines.feedbackBy,
  });
  if (round === 0) {
    outbox.notify('caller_receipt', [CALLER_RECIPIENT], 'first', {
      deadline: state.deadlines.feedbackBy,
    });
  }
  const firstWarnAt = dispatchedAt + policy.warnAt * (feedbackBy - dispatchedAt);
  return windowWaits(run, round, { at: 'feedback-window', round, firstWarnAt, phase: 'warning' });
}

/**
 * The waits of an open feedback window: for the yellow warning (at `firstWarnAt`, or moved
 * with an extension approved in the window), then for the feedback deadline; from `phase` on.
 */
async function windowWaits(run: TicketRun, round: number, window: WindowResume): Promise<boolean> {
  const { state, ledger, outbox, clock, policy, requests } = run;
  const { firstWarnAt } = window;
  const dispatchedAt = Date.parse(state.dispatchedAt!);
  const occurrence = round === 0 ? 'first' : `a${round}`;
  const handled = () => state.routeStatus === 'handled';
  const rerouted = () => state.routeStatus === 'returned' || requests.reassign !== null;
  const stop = () => handled() || requests.overdue || rerouted();
  // An extension approved in this window moves the warning with the deadline.
  const warnAt = () => {
    const extension = state.extension;
    const extended =
      extension?.status === 'approved' && Date.parse(extension.decidedAt!) >= dispatchedAt;
    const due = state.deadlines.feedbackBy;
    return extended && due
      ? dispatchedAt + policy.warnAt * (Date.parse(due) - dispatchedAt)
      : firstWarnAt;
  };
  if (window.phase === 'warning') {
    run.resume.main = { ...window, round, phase: 'warning' };
    const stopped = await clock.waitUntil(warnAt, stop, '黄灯预警计时');
    run.resume.main = null;
    if (!stopped) {
      state.warn(Date.now());
      ledger.changed();
      outbox.notify('warning', [state.handler], occurrence, {
        deadline: state.deadlines.feedbackBy,
      });
    }
    if (rerouted()) return false;
  }
  run.resume.main = { ...window, round, phase: 'feedback' };
  const feedbackInTime = await clock.waitUntil(
    clock.deadlineMs('feedbackBy'),
    stop,
    `等待承办人反馈（${formatDuration(policy.feedbackWithin)}内）`,
  );
  run.resume.main = null;
  if (rerouted()) return false;
  if (!handled()) {
    state.markOverdue(
      Date.now(),
      feedbackInTime ? '来电人因未及时处理再次来电' : '承办人未在期限内反馈',
    );
    requests.overdue = false;
    ledger.changed();
    outbox.notify('red_light', [state.handler, state.departmentHead], 'first');
    await overduePath(run);
  }
  return true;
}
