import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  type RetryPolicy,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar/calendar.activities';
import type { LedgerActivities } from '../../activities/ledger/ledger.activities';
import type { Notice, NoticeFacts, NoticeKind } from '../../activities/notifications/notice';
import type { NotificationActivities } from '../../activities/notifications/notification.activities';
import type { PolicyActivities } from '../../activities/policy/policy.activities';
import type { EscalationLevel } from '../../libs/domain/src/disposition';
import type { DispositionTarget } from '../../libs/domain/src/disposition-types';
import { durationToMs, formatDuration, type PolicyDuration } from '../../libs/domain/src/duration';
import {
  TICKET_TYPE_LABELS,
  type TicketDeadlines,
  type TicketExtension,
} from '../../libs/domain/src/ticket';
import {
  TicketDeadline,
  TicketDepartment,
  TicketHandler,
  TicketRedLight,
  TicketStatus,
  TicketType,
} from '../../libs/temporal/src/search-attributes';
import { TASK_QUEUES } from '../../libs/temporal/src/task-queues';
import {
  type AttachmentNoteInput,
  acceptTicketUpdate,
  acknowledgeEscalationUpdate,
  awaitRoutedUpdate,
  type CallbackInput,
  calendarChangedSignal,
  decideExtensionUpdate,
  getTicketQuery,
  type ReassignInput,
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
} from './messages';
import { CALLER_RECIPIENT, GROUP_RECIPIENTS, type TicketWorkflowInput } from './ticket-input';
import { TicketRejection, TicketState, type TicketView } from './ticket-state';

/**
 * `calendarChanged` names the calendar version; a ticket whose working-day deadlines were all
 * computed with it ignores the signal (a resumed re-arm sends it again), and the recompute asks
 * the calendar activity for at least that version. Histories from before replay the old way.
 */
export const CALENDAR_VERSION_CHECK = 'calendar-changed-version-check';

/**
 * At the top of the escalation ladder (Art. 4.8), while nobody acknowledges: every
 * `escalationAckWithin` the top level is notified again and the supervisors are alerted, until
 * acknowledged or the ticket closes. Histories from before wait silently, as they did.
 */
export const ESCALATION_TOP_REMINDERS = 'escalation-top-reminders';

/** Domain errors that no retry can cure; listed by name in every retry policy. */
export const NON_RETRYABLE_ERRORS = ['ValidationError', 'RangeError', 'TypeError'];

const RETRY: RetryPolicy = {
  initialInterval: '1s',
  maximumInterval: '1m',
  nonRetryableErrorTypes: NON_RETRYABLE_ERRORS,
};

function ledgerActivities(summary: string) {
  return proxyLocalActivities<LedgerActivities>({
    startToCloseTimeout: '15s',
    retry: RETRY,
    summary,
  });
}
function calendarActivities(summary: string) {
  return proxyLocalActivities<CalendarActivities>({
    startToCloseTimeout: '15s',
    retry: RETRY,
    summary,
  });
}
function notificationActivities(summary: string) {
  return proxyActivities<NotificationActivities>({
    taskQueue: TASK_QUEUES.notifications,
    startToCloseTimeout: '30s',
    retry: RETRY,
    summary,
  });
}

const policyActivities = proxyLocalActivities<PolicyActivities>({
  startToCloseTimeout: '5s',
  retry: RETRY,
  summary: '读取工单策略（期限设置）',
});

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
 * One ticket's life, from intake to close (Art. 4–8, 10): route, dispatch, the feedback
 * window with its yellow warning, overdue and red light, reminders, bulletin, escalation,
 * feedback and callback. Timers, not polling: each deadline fires when it is due.
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
  const { ticketId } = input;
  const typeLabel = TICKET_TYPE_LABELS[input.type];

  // ——— ledger: one writer, in order; updates answer once their change is written ———
  let changes = 0;
  let written = 0;
  let eventsWritten = 0;
  const changed = () => {
    changes += 1;
  };
  const writtenUpTo = (version: number) => condition(() => written >= version);

  const ledgerFields = () => ({
    workflowId: `ticket-${ticketId}`,
    type: input.type,
    caseNumber: input.caseNumber,
    flags: { ...input.flags },
    status: state.status,
    redLight: state.redLight,
    disposition: state.disposition as unknown as Record<string, unknown>,
    handlerId: state.handler?.id ?? null,
    departmentId: state.departmentId,
    deadlines: Object.fromEntries(
      Object.entries(state.deadlines).map(([name, at]) => [name, at ? new Date(at) : null]),
    ),
    receivedAt: new Date(input.receivedAt),
    dispatchedAt: dateOrNull(state.dispatchedAt),
    overdueAt: dateOrNull(state.overdueAt),
    remindedAt: dateOrNull(state.remindedAt),
    reminders: state.reminders,
    bulletinedAt: dateOrNull(state.bulletinedAt),
    feedback: state.feedback ? { ...state.feedback, at: new Date(state.feedback.at) } : null,
    handledAt: dateOrNull(state.handledAt),
    callbackDue: state.callbackDue,
    keyCallback: state.keyCallback,
    callback: state.callback ? { ...state.callback, at: new Date(state.callback.at) } : null,
    closedAt: dateOrNull(state.closedAt),
    escalation: state.escalation
      ? {
          level: state.escalation.level,
          acknowledgedBy: state.escalation.acknowledgedBy,
          acknowledgedAt: dateOrNull(state.escalation.acknowledgedAt),
        }
      : null,
    repeatCalls: state.repeatCalls.map((c) => ({ ...c, at: new Date(c.at) })),
    provisionalDeadlines: state.provisionalDeadlines,
    ...lifecycleLedgerFields(state),
  });

  async function writeLedger(): Promise<never> {
    for (;;) {
      await condition(() => changes > written);
      const version = changes;
      refreshSearchAttributes();
      const events = state.timeline
        .slice(eventsWritten)
        .map((e, i) => ({ ...e, seq: eventsWritten + i + 1 }));
      const last = events[events.length - 1];
      await ledgerActivities(`写入台账：${last ? last.kind : state.status}`).syncTicketLedger({
        ticketId,
        fields: ledgerFields(),
        events,
      });
      eventsWritten += events.length;
      written = version;
    }
  }

  // ——— search attributes for admins in the Web UI (no personal data) ———
  let shownAttributes = '';
  function refreshSearchAttributes(): void {
    const deadline = nextDeadline(state);
    const values = {
      status: state.status,
      redLight: state.redLight,
      deadline,
      handler: state.handler?.id ?? null,
      department: state.departmentId,
    };
    const key = JSON.stringify(values);
    if (key === shownAttributes) return;
    shownAttributes = key;
    upsertSearchAttributes([
      { key: TicketType, value: input.type },
      { key: TicketStatus, value: values.status },
      { key: TicketRedLight, value: values.redLight },
      { key: TicketDepartment, value: state.departmentId },
      { key: TicketHandler, value: state.handler?.id ?? null },
      { key: TicketDeadline, value: deadline ? new Date(deadline) : null },
    ]);
  }

  // ——— notifications: queued and sent in batches by their own loop, so that a slow SMS
  // provider never holds up a deadline, and notices due at the same moment share one activity ———
  const outbox: Notice[] = [];
  let delivering = false;
  function notify(
    kind: NoticeKind,
    recipients: (DispositionTarget | string | null | undefined)[],
    occurrence: string,
    facts: Partial<NoticeFacts> = {},
    options: { sms?: boolean; urgent?: boolean } = {},
  ): void {
    const ids = new Set(
      recipients
        .map((r) => (typeof r === 'string' ? r : r?.id))
        .filter((id): id is string => typeof id === 'string'),
    );
    for (const recipientId of ids) {
      outbox.push({
        key: `${ticketId}:${kind}:${recipientId}:${occurrence}`,
        recipientId,
        kind,
        facts: { ticketId, typeLabel, handlerName: state.handler?.name, ...facts },
        sms: options.sms ?? true,
        urgent: options.urgent ?? false,
      });
    }
  }

  async function deliverNotices(): Promise<never> {
    for (;;) {
      await condition(() => outbox.length > 0);
      delivering = true;
      const notices = outbox.splice(0);
      const summary = [...new Set(notices.map((n) => `${n.kind}→${n.recipientId}`))].join('、');
      try {
        await notificationActivities(`发送通知：${summary}`).deliverNotices({
          notices,
          quietHours: policy.quietHours,
        });
      } catch (error) {
        // Only a non-retryable failure gets here (transient ones retry without end); it must
        // not stop the ticket's deadlines, so it is logged for the admins and the ticket goes on.
        log.error('notices could not be delivered', { ticketId, summary, error: String(error) });
      }
      delivering = false;
    }
  }

  // ——— deadlines: calendar time in the workflow, working days from the calendar activity ———
  const deadlineBases: Partial<
    Record<keyof TicketDeadlines, { from: string; duration: PolicyDuration }>
  > = {};
  /** The calendar version each working-day deadline was computed with (its answer says). */
  const deadlineVersions: Partial<Record<keyof TicketDeadlines, number>> = {};
  async function addPolicyDuration(
    from: string,
    duration: PolicyDuration,
    minVersion?: number,
  ): Promise<{ at: string; provisional: boolean; calendarVersion?: number }> {
    if (duration.unit !== 'wd') {
      return {
        at: new Date(Date.parse(from) + durationToMs(duration)).toISOString(),
        provisional: false,
      };
    }
    return calendarActivities(`按法院日历计算 ${formatDuration(duration)} 后的时间`).deadlineAfter({
      from,
      duration,
      workingHours: policy.workingHours,
      ...(minVersion !== undefined ? { minVersion } : {}),
    });
  }
  async function setDeadlineAfter(
    name: keyof TicketDeadlines,
    from: string,
    duration: PolicyDuration,
  ) {
    deadlineBases[name] = { from, duration };
    const answer = await addPolicyDuration(from, duration);
    if (answer.calendarVersion !== undefined) deadlineVersions[name] = answer.calendarVersion;
    state.setDeadline(name, answer.at, answer.provisional);
    changed();
    return Date.parse(answer.at);
  }

  /** Waits until `stop()` or the deadline (re-armed when deadlines move); true when stopped. */
  async function waitUntil(
    at: () => number | null,
    stop: () => boolean,
    summary: string,
  ): Promise<boolean> {
    for (;;) {
      if (stop()) return true;
      const due = at();
      if (due === null) {
        await condition(stop);
        return true;
      }
      const remaining = due - Date.now();
      if (remaining <= 0) return false;
      const epoch = state.deadlineEpoch;
      await condition(() => stop() || state.deadlineEpoch !== epoch, remaining, { summary });
    }
  }
  const deadlineMs = (name: keyof TicketDeadlines) => () => {
    const at = state.deadlines[name];
    return at ? Date.parse(at) : null;
  };

  // ——— messages ———
  let overdueRequested = false;
  let manualReminder: { actorId: string; note: string | null } | null = null;
  let calendarChangeRequested = false;
  /** The calendar version the latest `calendarChanged` named (null: none named, recompute all). */
  let requestedCalendarVersion: number | null = null;

  setHandler(getTicketQuery, () => state.view());

  /** Applies a change and answers once it is in the ledger. */
  async function recorded(apply: () => void): Promise<TicketView> {
    apply();
    changed();
    await writtenUpTo(changes);
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
        overdueRequested = true;
      changed();
      await condition(() => !overdueRequested || state.overdueAt !== null);
      await writtenUpTo(changes);
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
      manualReminder = { actorId, note };
      await condition(() => manualReminder === null);
      await writtenUpTo(changes);
      return state.view();
    },
    { validator: (_: ReminderInput) => toRejection(() => state.checkReminder()) },
  );

  setHandler(
    recordCallbackUpdate,
    async ({ actorId, reached, satisfied, note }) => {
      state.applyCallback(actorId, { reached, satisfied, note }, Date.now());
      changed();
      await condition(() => state.routeStatus === 'closed');
      await writtenUpTo(changes);
      return state.view();
    },
    { validator: (_: CallbackInput) => toRejection(() => state.checkCallback()) },
  );

  // ——— the lifecycle additions: 签收, 进展说明, 退回, 改派, 延期, 附件 ———
  let reassignRequest: ReassignInput | null = null;
  /** Feedback windows opened so far: a reassignment answers once the new one has its deadline. */
  let windowsOpened = 0;

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
        delete deadlineBases.feedbackBy;
        notify(
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
      const opened = windowsOpened;
      reassignRequest = request;
      await condition(() => windowsOpened > opened);
      await writtenUpTo(changes);
      return state.view();
    },
    {
      validator: ({ target }) =>
        toRejection(() => {
          if (reassignRequest !== null) {
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
        notify(
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
        if (approve) delete deadlineBases.feedbackBy;
        notify('extension_decided', [state.handler], `e${state.extensions.length}`, {
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

  setHandler(calendarChangedSignal, (signal) => {
    if (patched(CALENDAR_VERSION_CHECK)) {
      // A re-arm after a calendar import names its version; sent again (a resumed re-arm), or
      // to a ticket whose working-day deadlines already follow it, it changes nothing.
      const version = typeof signal?.version === 'number' ? signal.version : null;
      const stale = (Object.keys(deadlineBases) as (keyof TicketDeadlines)[]).some(
        (name) =>
          deadlineBases[name]!.duration.unit === 'wd' &&
          (version === null || deadlineVersions[name] !== version),
      );
      if (!stale) return;
      requestedCalendarVersion = version;
    }
    calendarChangeRequested = true;
  });

  // ——— the paths ———
  const now = () => Date.now();

  function sendReminder(actorId: string, note: string | null): void {
    state.remind(now(), actorId, note);
    changed();
    notify('reminder', [state.departmentHead ?? state.handler], `r${state.reminders}`, {
      reminders: state.reminders,
    });
  }

  /** Callback (回访, Art. 10): due within POLICY_CALLBACK_WITHIN; a late one is flagged, then awaited. */
  async function awaitCallback(): Promise<void> {
    const from = state.handledAt ?? new Date(now()).toISOString();
    const callbackBy = await setDeadlineAfter('callbackBy', from, policy.callbackWithin);
    state.record(
      'callback_due',
      'system',
      state.keyCallback ? '重点回访（涉及诉权）' : null,
      now(),
    );
    changed();
    notify(
      'callback_due',
      [GROUP_RECIPIENTS.agents],
      'due',
      { deadline: new Date(callbackBy).toISOString() },
      { sms: false },
    );
    const done = await waitUntil(
      deadlineMs('callbackBy'),
      () => state.callback !== null,
      '等待回访',
    );
    if (!done) {
      notify(
        'callback_due',
        [GROUP_RECIPIENTS.agents, GROUP_RECIPIENTS.supervisors],
        'late',
        {
          deadline: state.deadlines.callbackBy,
        },
        { sms: false },
      );
      await condition(() => state.callback !== null);
    }
    state.close(now(), state.callback!.by);
    changed();
  }

  async function directAnswerPath(): Promise<void> {
    state.answerDirectly(now());
    changed();
    if (state.callbackDue) await awaitCallback();
  }

  async function transferPath(): Promise<void> {
    await setDeadlineAfter('dispatchBy', input.receivedAt, policy.dispatchWithin);
    state.dispatch(now());
    for (let round = 0; !(await feedbackWindow(round)); round += 1) {
      // Returned (退回) or reassigned straight away: wait for the new route (改派).
      await condition(() => reassignRequest !== null);
      const { actorId, departmentHead, ...route } = reassignRequest!;
      reassignRequest = null;
      state.reassign(actorId, route, departmentHead, now());
      changed();
    }
    await awaitCallback();
  }

  /**
   * One handler's feedback window (Art. 5, 7, 8): the deadline from the dispatch, the yellow
   * warning, then overdue, reminders and bulletin. True once handled; false when the ticket is
   * returned or reassigned before its red light, and a new window follows.
   */
  async function feedbackWindow(round: number): Promise<boolean> {
    const dispatchedAt = Date.parse(state.dispatchedAt!);
    const feedbackBy = await setDeadlineAfter(
      'feedbackBy',
      state.dispatchedAt!,
      policy.feedbackWithin,
    );
    windowsOpened += 1;
    const occurrence = round === 0 ? 'first' : `a${round}`;
    notify('dispatch', [state.handler, state.departmentHead], occurrence, {
      deadline: state.deadlines.feedbackBy,
    });
    if (round === 0) {
      notify('caller_receipt', [CALLER_RECIPIENT], 'first', {
        deadline: state.deadlines.feedbackBy,
      });
    }

    const handled = () => state.routeStatus === 'handled';
    const rerouted = () => state.routeStatus === 'returned' || reassignRequest !== null;
    const stop = () => handled() || overdueRequested || rerouted();
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
    if (!(await waitUntil(warnAt, stop, '黄灯预警计时'))) {
      state.warn(now());
      changed();
      notify('warning', [state.handler], occurrence, { deadline: state.deadlines.feedbackBy });
    }
    if (rerouted()) return false;
    const feedbackInTime = await waitUntil(
      deadlineMs('feedbackBy'),
      stop,
      `等待承办人反馈（${formatDuration(policy.feedbackWithin)}内）`,
    );
    if (rerouted()) return false;
    if (!handled()) {
      state.markOverdue(
        now(),
        feedbackInTime ? '来电人因未及时处理再次来电' : '承办人未在期限内反馈',
      );
      overdueRequested = false;
      changed();
      notify('red_light', [state.handler, state.departmentHead], 'first');
      await overduePath();
    }
    return true;
  }

  /** Art. 8: reminder within 1 working day, then bulletin, then a reminder each period. */
  async function overduePath(): Promise<void> {
    const handled = () => state.routeStatus === 'handled';
    await setDeadlineAfter('reminderBy', state.overdueAt!, policy.reminderWithin);
    if (policy.autoRemind) {
      sendReminder('system', null);
    } else {
      const reminded = await waitUntil(
        deadlineMs('reminderBy'),
        () => handled() || manualReminder !== null,
        '等待座席员催办',
      );
      if (!reminded) {
        state.noteReminderLate(now());
        changed();
        notify('reminder_late', [GROUP_RECIPIENTS.supervisors], 'first', {}, { sms: false });
        await condition(() => handled() || manualReminder !== null);
      }
    }
    for (let period = 1; !handled(); period += 1) {
      if (manualReminder) {
        sendReminder(manualReminder.actorId, manualReminder.note);
        manualReminder = null;
      }
      await setDeadlineAfter('bulletinBy', state.remindedAt!, policy.bulletinAfter);
      const stopped = await waitUntil(
        deadlineMs('bulletinBy'),
        () => handled() || manualReminder !== null,
        state.bulletinedAt ? '等待反馈（下一次催办）' : '催办后等待反馈（逾期将通报）',
      );
      if (stopped) continue;
      if (!state.bulletinedAt) {
        state.bulletin(now());
        changed();
        notify(
          'bulletin',
          [state.departmentHead, GROUP_RECIPIENTS.supervisors],
          'first',
          {},
          { sms: false },
        );
      }
      if (policy.autoRemind) sendReminder('system', `通报后第${period}次催办`);
      else {
        notify('reminder_late', [GROUP_RECIPIENTS.supervisors], `p${period}`, {}, { sms: false });
        await condition(() => handled() || manualReminder !== null);
      }
    }
    manualReminder = null;
  }

  /** Art. 4.8: notify each level at once, climb when not acknowledged in time. */
  async function escalationPath(): Promise<void> {
    const ladder = input.disposition.escalationLadder ?? [];
    if (ladder.length === 0) return;
    state.escalation = {
      level: 0,
      notified: [],
      acknowledgedBy: null,
      acknowledgedAt: null,
      note: null,
    };
    const acknowledged = () => state.escalation!.acknowledgedBy !== null;
    const escalatedAt = now();
    for (const level of ladder) {
      state.escalation.level = level.level;
      state.escalation.notified.push(...level.people.map((p) => p.id));
      state.record(
        level.level === 1 ? 'escalated' : 'escalation_level_up',
        'system',
        `${level.label}：${level.people.map((p) => p.name).join('、')}`,
        now(),
      );
      changed();
      notify(
        'escalation',
        [...level.people],
        `l${level.level}`,
        { level: level.level },
        { urgent: true },
      );
      const until = Date.parse(
        (await addPolicyDuration(new Date(now()).toISOString(), policy.escalationAckWithin)).at,
      );
      if (await waitUntil(() => until, acknowledged, `等待第${level.level}级领导确认`)) return;
    }
    if (patched(ESCALATION_TOP_REMINDERS)) {
      await remindTopLevel(ladder[ladder.length - 1]!, escalatedAt);
    } else await condition(acknowledged);
  }

  /** Art. 4.8 past the last level: re-notify it, and alert the supervisors, each window. */
  async function remindTopLevel(top: EscalationLevel, escalatedAt: number): Promise<void> {
    const stop = () => state.escalation!.acknowledgedBy !== null || state.routeStatus === 'closed';
    const names = top.people.map((p) => p.name).join('、');
    for (let round = 1; ; round += 1) {
      const until = Date.parse(
        (await addPolicyDuration(new Date(now()).toISOString(), policy.escalationAckWithin)).at,
      );
      const summary = `等待第${top.level}级领导确认（第${round}次再通知前）`;
      if (await waitUntil(() => until, stop, summary)) return;
      state.record(
        'notified',
        'system',
        `${top.label}逾${formatDuration(policy.escalationAckWithin)}未确认，第${round}次再通知：${names}；已提示督办人员`,
        now(),
      );
      changed();
      const occurrence = `l${top.level}-r${round}`;
      notify('escalation', [...top.people], occurrence, { level: top.level }, { urgent: true });
      notify(
        'escalation_unacknowledged',
        [GROUP_RECIPIENTS.supervisors],
        occurrence,
        { level: top.level, unacknowledgedMs: now() - escalatedAt },
        { sms: false },
      );
    }
  }

  function leadershipReport(): void {
    const report = state.routes.leadership_report;
    if (!report) return;
    state.record('leadership_reported', input.loggedBy, report.explanation, now());
    changed();
    notify('leadership_report', [report.target], 'first');
  }

  async function recomputeOnCalendarChange(): Promise<never> {
    for (;;) {
      await condition(() => calendarChangeRequested);
      calendarChangeRequested = false;
      const moved: string[] = [];
      const version = requestedCalendarVersion;
      requestedCalendarVersion = null;
      for (const [name, base] of Object.entries(deadlineBases)) {
        if (base.duration.unit !== 'wd') continue;
        const key = name as keyof TicketDeadlines;
        const answer = await addPolicyDuration(base.from, base.duration, version ?? undefined);
        if (answer.calendarVersion !== undefined) deadlineVersions[key] = answer.calendarVersion;
        if (answer.at !== state.deadlines[key])
          moved.push(`${name} ${state.deadlines[key]} → ${answer.at}`);
        state.setDeadline(key, answer.at, answer.provisional);
      }
      state.record(
        'deadline_recomputed',
        'system',
        moved.length ? moved.join('；') : '期限不变',
        now(),
      );
      changed();
    }
  }

  // ——— run ———
  refreshSearchAttributes();
  state.record('created', input.loggedBy, input.disposition.explanation, now());
  changed();
  void writeLedger();
  void deliverNotices();
  void recomputeOnCalendarChange();
  leadershipReport();

  const mainPath = state.routes.transfer
    ? transferPath()
    : state.routes.direct_answer
      ? directAnswerPath()
      : Promise.resolve();
  await Promise.all([mainPath, escalationPath()]);
  if (!state.routes.transfer && !state.routes.direct_answer) {
    state.close(now(), 'system');
    changed();
  }

  await condition(
    () => outbox.length === 0 && !delivering && written >= changes && allHandlersFinished(),
  );
  log.info('ticket closed', { ticketId, status: state.status });
  return state.view();
}

function dateOrNull(at: string | null): Date | null {
  return at ? new Date(at) : null;
}

/** The ledger's fields for accept, progress, returns, reassignments and extensions. */
function lifecycleLedgerFields(state: TicketState) {
  const extension = (e: TicketExtension) => ({
    ...e,
    until: new Date(e.until),
    requestedAt: new Date(e.requestedAt),
    previousFeedbackBy: dateOrNull(e.previousFeedbackBy),
    decidedAt: dateOrNull(e.decidedAt),
  });
  return {
    acceptedAt: dateOrNull(state.acceptedAt),
    progressNotes: state.progressNotes.map((p) => ({ ...p, at: new Date(p.at) })),
    returns: state.returns.map((r) => ({ ...r, at: new Date(r.at) })),
    reassignments: state.reassignments.map((r) => ({ ...r, at: new Date(r.at) })),
    extension: state.extension ? extension(state.extension) : null,
    extensions: state.extensions.map(extension),
  };
}

/** The deadline that matters next, for the TicketDeadline search attribute. */
function nextDeadline(state: TicketState): string | null {
  const { deadlines } = state;
  if (
    state.routeStatus === 'closed' ||
    state.routeStatus === 'returned' ||
    (state.routeStatus === 'answered' && !state.callbackDue)
  )
    return null;
  if (state.routeStatus === 'handled' || state.routeStatus === 'answered')
    return deadlines.callbackBy;
  if (state.routeStatus === 'overdue') return deadlines.reminderBy;
  if (state.routeStatus === 'reminded' || state.routeStatus === 'bulletined')
    return deadlines.bulletinBy;
  return deadlines.feedbackBy ?? deadlines.dispatchBy;
}
