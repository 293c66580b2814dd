import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  setHandler,
} from '@temporalio/workflow';
import { callbackRecorded, directAnswerPath } from './callback-path';
import type { CarriedTicketRun, MainPathResume } from './carried-run';
import { carriedRun, continuationDue } from './continuation';
import {
  awaitRoutedUpdate,
  type TicketView,
  type TicketWorkflow,
  type TicketWorkflowInput,
} from './contract';
import { escalationPath, leadershipReport, resumedEscalationPath } from './escalation-path';
import { registerMessageHandlers } from './message-handlers';
import { CONTINUE_AS_NEW } from './patches';
import { policyActivities } from './ticket-activities';
import { type TicketRun, ticketRun } from './ticket-run';
import { TicketState } from './ticket-state';
import { restoreTicketState } from './ticket-state-snapshot';
import { resumedTransferPath, transferPath } from './transfer-path';

interface Paths {
  main: Promise<void>;
  escalation: Promise<void>;
}

/** `awaitRoutedUpdate` calls still waiting for the ticket to be routed. */
interface RoutedAnswers {
  waiting: number;
}

/** A new ticket: recorded, its loops started, its report sent and its paths begun. */
function startPaths(run: TicketRun, routed: RoutedAnswers): Paths {
  const { state, input } = run;
  const firstWriteWaits = input.ledgerRowStored === true;
  // The start set the search attributes; a first write that waits brings them up to date.
  if (!firstWriteWaits) run.refreshSearchAttributes();
  state.record('created', input.loggedBy, input.disposition.explanation, Date.now());
  run.ledger.changed();
  if (!firstWriteWaits) void run.ledger.run();
  void run.outbox.run();
  void run.clock.recomputeOnCalendarChange();
  leadershipReport(run);

  const main = state.routes.transfer
    ? transferPath(run)
    : state.routes.direct_answer
      ? directAnswerPath(run)
      : Promise.resolve();
  // The main path's first wait, or its end (ticketWorkflow sets `done`): every path gets there.
  // And after the routed answer: its upsert issued before that answer in the same activation
  // makes a history that SDK 1.24's Core fails to replay (docs/workflows.md).
  if (firstWriteWaits) {
    void condition(() => run.resume.main !== null && routed.waiting === 0).then(() =>
      run.ledger.run(),
    );
  }
  return { main, escalation: escalationPath(run) };
}

/** The main path of a continued run, from where the previous run's waited. */
function resumedMainPath(run: TicketRun, resume: MainPathResume): Promise<void> {
  switch (resume.at) {
    case 'callback':
      return callbackRecorded(run, resume.late);
    case 'done':
      return Promise.resolve();
    default:
      return resumedTransferPath(run, resume);
  }
}

/** A continued run (issue #17): its loops started, each path back where the last run waited. */
function resumePaths(run: TicketRun, carried: CarriedTicketRun): Paths {
  void run.ledger.run();
  void run.outbox.run();
  void run.clock.recomputeOnCalendarChange();
  return {
    main: resumedMainPath(run, carried.main),
    escalation: resumedEscalationPath(run, carried.escalation),
  };
}

/**
 * One ticket's life, from intake to close (Art. 4–8, 10): route, dispatch, the feedback
 * window with its yellow warning, overdue and red light, reminders, bulletin, escalation,
 * feedback and callback. Timers, not polling: each deadline fires when it is due. A long life
 * goes on in further runs of the same workflow id (continue-as-new, `input.carried`).
 *
 * The order of the steps below is the order of the commands in every running ticket's
 * history: keep it (docs/workflows.md, "Changing workflow code").
 */
export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketView> {
  const state = new TicketState(input);
  if (input.carried) restoreTicketState(state, input.carried.state);
  // Set before the first await: the intake sends this update with the start, and an update
  // that has no handler by the end of the first activation is rejected.
  const routed: RoutedAnswers = { waiting: 0 };
  setHandler(awaitRoutedUpdate, async () => {
    routed.waiting += 1;
    await condition(() => state.status !== 'open');
    routed.waiting -= 1;
    return state.view();
  });
  const policy = input.policy ?? (await policyActivities.currentPolicy());
  const run = ticketRun(input, policy, state);
  registerMessageHandlers(run);

  const paths = input.carried ? resumePaths(run, input.carried) : startPaths(run, routed);
  const finished = Promise.all([
    paths.main.then(() => {
      run.resume.main = { at: 'done' };
    }),
    paths.escalation.then(() => {
      run.resume.escalation = { at: 'done' };
    }),
  ]);
  const continuing = await Promise.race([
    finished.then(() => false),
    continuationDue(run).then(() => true),
  ]);
  if (continuing && patched(CONTINUE_AS_NEW)) {
    run.refreshSearchAttributes();
    await continueAsNew<TicketWorkflow>({ ...input, policy, carried: carriedRun(run) });
  }
  await finished;
  if (!state.routes.transfer && !state.routes.direct_answer) {
    state.close(Date.now(), 'system');
    run.ledger.changed();
  }

  await condition(() => run.outbox.idle && run.ledger.settled && allHandlersFinished());
  log.info('ticket closed', { ticketId: input.ticketId, status: state.status });
  return state.view();
}
