import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import {
  type AttachmentNoteInput,
  acceptTicketUpdate,
  acknowledgeEscalationUpdate,
  type CallbackInput,
  calendarChangedSignal,
  decideExtensionUpdate,
  getTicketQuery,
  type ReminderInput,
  type RepeatCallInput,
  reassignTicketUpdate,
  recordAttachmentUpdate,
  recordCallbackUpdate,
  recordProgressUpdate,
  recordRepeatCallUpdate,
  requestExtensionUpdate,
  returnTicketUpdate,
  sendReminderUpdate,
  submitFeedbackUpdate,
  type TicketView,
} from './contract';
import { GROUP_RECIPIENTS } from './recipients';
import type { TicketRun } from './ticket-run';
import { TicketRejection } from './ticket-state';

/** A `TicketState` check, its refusal turned into the failure the update's caller sees. */
function toRejection(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof TicketRejection) {
      throw ApplicationFailure.create({
        type: error.code,
        message: error.message,
        nonRetryable: true,
      });
    }
    throw error;
  }
}

/**
 * The ticket's query, updates and signal: each update's validator is the state's check (a
 * refusal leaves no trace in history), and it answers once its change is in the ledger.
 * Registered in this order, after the policy is known (`awaitRouted` is the workflow's own).
 */
export function registerMessageHandlers(run: TicketRun): void {
  const { state, ledger, outbox, clock, requests } = run;

  setHandler(getTicketQuery, () => state.view());

  /** Applies a change and answers once it is in the ledger. */
  async function recorded(apply: () => void): Promise<TicketView> {
    apply();
    ledger.changed();
    await ledger.untilWritten();
    return state.view();
  }

  setHandler(
    submitFeedbackUpdate,
    ({ actorId, result }) => recorded(() => state.applyFeedback(actorId, result, Date.now())),
    { validator: ({ actorId }) => toRejection(() => state.checkFeedback(actorId)) },
  );

  setHandler(
    recordRepeatCallUpdate,
    async ({ note, notHandledInTime }) => {
      state.applyRepeatCall({ note, notHandledInTime }, Date.now());
      if (notHandledInTime && state.awaitingFeedback && state.overdueAt === null)
        requests.overdue = true;
      ledger.changed();
      await condition(() => !requests.overdue || state.overdueAt !== null);
      await ledger.untilWritten();
      return state.view();
    },
    { validator: (_: RepeatCallInput) => toRejection(() => state.checkRepeatCall()) },
  );

  setHandler(
    acknowledgeEscalationUpdate,
    ({ actorId, note }) => recorded(() => state.applyAcknowledge(actorId, note, Date.now())),
    { validator: ({ actorId }) => toRejection(() => state.checkAcknowledge(actorId)) },
  );

  setHandler(
    sendReminderUpdate,
    async ({ actorId, note }) => {
      requests.manualReminder = { actorId, note };
      await condition(() => requests.manualReminder === null);
      await ledger.untilWritten();
      return state.view();
    },
    { validator: (_: ReminderInput) => toRejection(() => state.checkReminder()) },
  );

  setHandler(
    recordCallbackUpdate,
    async ({ actorId, reached, satisfied, note }) => {
      state.applyCallback(actorId, { reached, satisfied, note }, Date.now());
      ledger.changed();
      await condition(() => state.routeStatus === 'closed');
      await ledger.untilWritten();
      return state.view();
    },
    { validator: (_: CallbackInput) => toRejection(() => state.checkCallback()) },
  );

  // ——— the lifecycle additions: 签收, 进展说明, 退回, 改派, 延期, 附件 ———

  setHandler(
    acceptTicketUpdate,
    ({ actorId }) => recorded(() => state.applyAccept(actorId, Date.now())),
    { validator: ({ actorId }) => toRejection(() => state.checkAccept(actorId)) },
  );

  setHandler(
    recordProgressUpdate,
    ({ actorId, note }) => recorded(() => state.applyProgress(actorId, note, Date.now())),
    { validator: ({ actorId }) => toRejection(() => state.checkProgress(actorId)) },
  );

  setHandler(
    returnTicketUpdate,
    ({ actorId, reason }) =>
      recorded(() => {
        state.applyReturn(actorId, reason, Date.now());
        clock.fix('feedbackBy');
        outbox.notify(
          'returned',
          [GROUP_RECIPIENTS.agents, GROUP_RECIPIENTS.supervisors],
          `r${state.returns.length}`,
          { reason },
          { sms: false },
        );
      }),
    { validator: ({ actorId }) => toRejection(() => state.checkReturn(actorId)) },
  );

  setHandler(
    reassignTicketUpdate,
    async (request) => {
      const opened = requests.windowsOpened;
      requests.reassign = request;
      await condition(() => requests.windowsOpened > opened);
      await ledger.untilWritten();
      return state.view();
    },
    {
      validator: ({ target }) =>
        toRejection(() => {
          if (requests.reassign !== null) {
            throw new TicketRejection('conflict', '工单正在改派，请稍后刷新');
          }
          state.checkReassign(target.id);
        }),
    },
  );

  setHandler(
    requestExtensionUpdate,
    ({ actorId, until, reason }) =>
      recorded(() => {
        state.applyExtensionRequest(actorId, until, reason, Date.now());
        const head = state.departmentHead;
        const decider = head && head.id !== actorId ? head : GROUP_RECIPIENTS.supervisors;
        outbox.notify(
          'extension_requested',
          [decider],
          `e${state.extensions.length}`,
          { deadline: until, reason },
          { sms: typeof decider !== 'string' },
        );
      }),
    {
      validator: ({ actorId, until }) =>
        toRejection(() => state.checkExtensionRequest(actorId, until)),
    },
  );

  setHandler(
    decideExtensionUpdate,
    ({ actorId, approve, note }) =>
      recorded(() => {
        state.applyExtensionDecision(actorId, approve, note, Date.now());
        // An approved date is the deadline itself: a calendar change no longer moves it.
        if (approve) clock.fix('feedbackBy');
        outbox.notify('extension_decided', [state.handler], `e${state.extensions.length}`, {
          approved: approve,
          deadline: state.deadlines.feedbackBy,
          reason: note ?? undefined,
        });
      }),
    {
      validator: ({ actorId, asSupervisor }) =>
        toRejection(() => state.checkExtensionDecision(actorId, asSupervisor)),
    },
  );

  setHandler(
    recordAttachmentUpdate,
    ({ actorId, name }) => recorded(() => state.record('attachment', actorId, name, Date.now())),
    { validator: (_: AttachmentNoteInput) => toRejection(() => state.checkAttachmentNote()) },
  );

  setHandler(calendarChangedSignal, (signal) => clock.onCalendarChanged(signal));
}
