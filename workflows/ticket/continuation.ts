import { allHandlersFinished, condition, workflowInfo } from '@temporalio/workflow';
import type { CarriedTicketRun } from './carried-run';
import { TICKET_HISTORY_BOUND } from './contract';
import { searchAttributeKey } from './search-attribute-sync';
import type { TicketRun } from './ticket-run';
import { snapshotTicketState } from './ticket-state-snapshot';

/** Temporal suggests continuing as new, or the run's history has passed its bound. */
function historyFull(bound: number): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= bound;
}

/**
 * A point the next run can go on from: each path waits where it can resume (and not both are
 * done: a finished ticket just ends), no handler is running or request pending, no notice or
 * ledger write and no calendar recompute is queued or on its way.
 */
function atSafePoint(run: TicketRun): boolean {
  const { main, escalation } = run.resume;
  const { requests } = run;
  return (
    main !== null &&
    escalation !== null &&
    !(main.at === 'done' && escalation.at === 'done') &&
    !requests.overdue &&
    requests.manualReminder === null &&
    requests.reassign === null &&
    run.outbox.idle &&
    run.ledger.settled &&
    run.clock.idle &&
    allHandlersFinished()
  );
}

/** What the next run needs, taken at a safe point (after the search attributes are current). */
export function carriedRun(run: TicketRun): CarriedTicketRun {
  const { main, escalation } = run.resume;
  return {
    continuation: (run.input.carried?.continuation ?? 0) + 1,
    state: snapshotTicketState(run.state),
    clock: run.clock.snapshot(),
    ledgerEventsWritten: run.ledger.timelineWritten,
    searchAttributesShown: searchAttributeKey(run.state),
    windowsOpened: run.requests.windowsOpened,
    main: main!,
    escalation: escalation!,
  };
}

/**
 * Resolves once the run's history is full (Temporal's suggestion, or `historyBound` events)
 * and the run stands at a safe point (issue #17). Issues no command: the caller decides.
 */
export function continuationDue(run: TicketRun): Promise<void> {
  const bound = run.input.historyBound ?? TICKET_HISTORY_BOUND;
  return condition(() => historyFull(bound) && atSafePoint(run));
}
