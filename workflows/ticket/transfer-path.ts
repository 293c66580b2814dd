import { condition } from '@temporalio/workflow';
import { formatDuration } from '../../libs/domain/src/duration';
import { awaitCallback } from './callback-path';
import { overduePath } from './overdue-path';
import { CALLER_RECIPIENT } from './recipients';
import type { TicketRun } from './ticket-run';

/**
 * A transfer (Art. 5): dispatched at once, then feedback windows until one ends handled — a
 * return (退回) or reassignment (改派) before the red light opens the next — then the callback.
 */
export async function transferPath(run: TicketRun): Promise<void> {
  const { state, ledger, clock, policy, requests } = run;
  await clock.setDeadlineAfter('dispatchBy', run.input.receivedAt, policy.dispatchWithin);
  state.dispatch(Date.now());
  for (let round = 0; !(await feedbackWindow(run, round)); round += 1) {
    // Returned (退回) or reassigned straight away: wait for the new route (改派).
    await condition(() => requests.reassign !== null);
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
  const { state, ledger, outbox, clock, policy, requests } = run;
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

  const handled = () => state.routeStatus === 'handled';
  const rerouted = () => state.routeStatus === 'returned' || requests.reassign !== null;
  const stop = () => handled() || requests.overdue || rerouted();
  const firstWarnAt = dispatchedAt + policy.warnAt * (feedbackBy - dispatchedAt);
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
  if (!(await clock.waitUntil(warnAt, stop, '黄灯预警计时'))) {
    state.warn(Date.now());
    ledger.changed();
    outbox.notify('warning', [state.handler], occurrence, { deadline: state.deadlines.feedbackBy });
  }
  if (rerouted()) return false;
  const feedbackInTime = await clock.waitUntil(
    clock.deadlineMs('feedbackBy'),
    stop,
    `等待承办人反馈（${formatDuration(policy.feedbackWithin)}内）`,
  );
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
