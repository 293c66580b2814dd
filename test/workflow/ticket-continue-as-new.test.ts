import type { WorkflowHandle, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { DEMO_CASE_NUMBER } from '../../libs/domain/src';
import {
  acknowledgeEscalationUpdate,
  getTicketQuery,
  reassignTicketUpdate,
  recordCallbackUpdate,
  returnTicketUpdate,
  sendReminderUpdate,
  submitFeedbackUpdate,
  TicketRedLight,
  TicketStatus,
  TicketType,
  type TicketView,
  ticketWorkflowOptions,
} from '../../workflows/ticket/contract';
import { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import { recordHistory } from '../support/history-fixtures';
import { eventually, TemporalHarness } from '../support/temporal-harness';
import { callBackOnceDue, FEEDBACK_TO_CLOSE } from '../support/ticket-callback';
import { shortPolicy, storedFor, ticketInput } from '../support/ticket-harness';

type History = temporal.api.history.v1.IHistory;

/** A run continues as new at its first safe point past this many events. */
const BOUND = 100;
/** One reminder period (about 13 events) and the continue-as-new itself. */
const SLACK = 20;
const PERIOD_MS = 1000;

/**
 * Issue #17, item 6: a ticket nobody answers, reminded each 1-second period on the dev server,
 * goes on in further runs of its workflow id once a run's history passes `BOUND` events; the
 * query, the updates, the ledger and the notices see one ticket.
 */
describe('ticketWorkflow continues as new (bounded history)', () => {
  const harness = new TemporalHarness();

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  /** The ticket's runs in order, each with its history, following the continue-as-new chain. */
  async function runsOf(
    handle: WorkflowHandleWithFirstExecutionRunId,
  ): Promise<{ runId: string; history: History }[]> {
    const runs: { runId: string; history: History }[] = [];
    let runId: string | undefined = handle.firstExecutionRunId;
    while (runId) {
      const history = await harness.client.workflow
        .getHandle(handle.workflowId, runId)
        .fetchHistory();
      runs.push({ runId, history });
      runId =
        history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ??
        undefined;
    }
    return runs;
  }

  async function currentRunId(handle: WorkflowHandle): Promise<string> {
    return (await handle.describe()).runId;
  }

  /** Waits for the ticket's current run to continue as new; answers the new run's id. */
  async function nextRun(handle: WorkflowHandle): Promise<string> {
    const before = await currentRunId(handle);
    for (let i = 0; i < 600; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const after = await currentRunId(handle);
      if (after !== before) return after;
    }
    throw new Error(`run ${before} did not continue as new`);
  }

  /** Each run's history length, each under the bound; each run but the last continued. */
  function expectBoundedRuns(runs: { history: History }[]): void {
    const lengths = runs.map((r) => r.history.events?.length ?? 0);
    console.log(`history events per run (bound ${BOUND}): ${JSON.stringify(lengths)}`);
    for (const length of lengths) expect(length).toBeLessThanOrEqual(BOUND + SLACK);
    const lastEvents = runs.map((r) => r.history.events?.at(-1));
    expect(
      lastEvents.slice(0, -1).every((e) => e?.workflowExecutionContinuedAsNewEventAttributes),
    ).toBe(true);
    expect(lastEvents.at(-1)?.workflowExecutionCompletedEventAttributes).toBeTruthy();
  }

  const accepted = (history: History) =>
    (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;

  const kinds = (view: TicketView) => view.timeline.map((e) => e.kind);

  it('keeps each run under its bound, and the ticket the same across runs', async () => {
    const input = {
      ...ticketInput(
        {
          type: 'complaint',
          complaint: { category: 'filing', specificClues: false },
          caseNumber: DEMO_CASE_NUMBER,
        },
        shortPolicy({ POLICY_BULLETIN_AFTER: `${PERIOD_MS / 1000}s` }),
      ),
      historyBound: BOUND,
    };
    const { ticketId } = input;
    const handle = await harness.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, harness.taskQueue),
    );
    const firstRunId = handle.firstExecutionRunId;

    const bulletined = await eventually(async () => {
      const view = await handle.query(getTicketQuery);
      if (view.status !== 'bulletined') throw new Error(`status ${view.status}`);
      return view;
    }, 'bulletined');

    // two continue-as-new at least, then feedback sent the moment a further run begins
    await eventually(
      async () => {
        const runs = await runsOf(handle);
        if (runs.length < 3) throw new Error(`${runs.length} runs`);
      },
      'three runs',
      90_000,
    );
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(TicketType)).toBe('complaint');
    expect(described.typedSearchAttributes.get(TicketStatus)).toBe('bulletined');
    expect(described.typedSearchAttributes.get(TicketRedLight)).toBe(true);

    const after = await nextRun(handle);
    const handled = await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-filing', result: '已调查核实并书面报告' }],
    });
    expect(handled).toMatchObject({ status: 'handled', redLight: false });
    // the last period's bulletinBy, one period after the last reminder: the timer came along
    expect(Date.parse(handled.deadlines.bulletinBy!) - Date.parse(handled.remindedAt!)).toBe(
      PERIOD_MS,
    );
    await callBackOnceDue(handle);
    const result = await handle.result();
    expect(result.status).toBe('closed');

    // the runs: each under its bound, each but the last continued, the update in the new run
    const runs = await runsOf(handle);
    expect(runs[0]!.runId).toBe(firstRunId);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    const lengths = runs.map((r) => r.history.events?.length ?? 0);
    console.log(`history events per run (bound ${BOUND}): ${JSON.stringify(lengths)}`);
    for (const length of lengths) expect(length).toBeLessThanOrEqual(BOUND + SLACK);
    const lastEvents = runs.map((r) => r.history.events?.at(-1));
    expect(
      lastEvents.slice(0, -1).every((e) => e?.workflowExecutionContinuedAsNewEventAttributes),
    ).toBe(true);
    expect(lastEvents.at(-1)?.workflowExecutionCompletedEventAttributes).toBeTruthy();
    const accepted = (history: History) =>
      (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
    expect(runs.map((r) => accepted(r.history))).toEqual([...runs.slice(0, -1).map(() => 0), 2]);
    expect(runs.findIndex((r) => r.runId === after)).toBe(runs.length - 1);

    // the view: one timeline, as a run without continue-as-new would have it
    const n = result.reminders;
    expect(n).toBeGreaterThanOrEqual(8);
    expect(kinds(result)).toEqual([
      'created',
      'dispatched',
      'warning',
      'overdue',
      'reminded',
      'bulletined',
      ...Array.from({ length: n - 1 }, () => 'reminded'),
      ...FEEDBACK_TO_CLOSE,
    ]);
    const reminded = result.timeline.filter((e) => e.kind === 'reminded');
    expect(reminded.map((e) => e.note)).toEqual([
      '第1次催办',
      ...Array.from({ length: n - 1 }, (_, i) => `通报后第${i + 1}次催办`),
    ]);
    // no period cut short or skipped at a boundary
    for (let i = 1; i < reminded.length; i += 1) {
      const gap = Date.parse(reminded[i]!.at) - Date.parse(reminded[i - 1]!.at);
      expect(gap).toBeGreaterThanOrEqual(PERIOD_MS);
    }
    for (const name of ['dispatchBy', 'feedbackBy', 'reminderBy'] as const) {
      expect(result.deadlines[name]).toBe(bulletined.deadlines[name]);
    }
    expect(result).toMatchObject({
      overdueAt: bulletined.overdueAt,
      bulletinedAt: bulletined.bulletinedAt,
      dispatchedAt: bulletined.dispatchedAt,
      redLight: false,
    });

    // the ledger: every timeline event once, keyed in one unbroken sequence
    const { ticket, events, inbox, sms } = await storedFor(harness.database, ticketId);
    expect(ticket).toMatchObject({ status: 'closed', reminders: n });
    expect(events.map((e) => e.seq)).toEqual(result.timeline.map((_, i) => i + 1));
    expect(events.map((e) => e.kind)).toEqual(kinds(result));

    // the notices: each reminder once, numbered on across the runs; one bulletin
    const reminderIds = inbox.filter((m) => m.kind === 'reminder').map((m) => m._id);
    expect(reminderIds.sort()).toEqual(
      Array.from({ length: n }, (_, i) => `${ticketId}:reminder:head-filing:r${i + 1}`).sort(),
    );
    expect(sms.filter((m) => m.kind === 'reminder').length).toBe(n);
    expect(inbox.filter((m) => m.kind === 'bulletin').map((m) => m._id)).toEqual(
      expect.arrayContaining([`${ticketId}:bulletin:head-filing:first`]),
    );
    expect(inbox.filter((m) => m.kind === 'bulletin').length).toBe(2); // head and supervisors

    await recordHistory(
      harness.client.workflow.getHandle(handle.workflowId, runs[0]!.runId),
      'continue-as-new-first-run',
    );
    await recordHistory(
      harness.client.workflow.getHandle(handle.workflowId, runs.at(-1)!.runId),
      'continue-as-new-continued-run',
    );
  }, 180_000);

  it('goes on reminding the top of the escalation ladder across runs until acknowledged', async () => {
    const input = {
      ...ticketInput(
        { type: 'case_inquiry' },
        shortPolicy({ POLICY_ESCALATION_ACK_WITHIN: `${PERIOD_MS / 1000}s` }),
        { urgent: true },
      ),
      historyBound: BOUND,
    };
    const { ticketId } = input;
    const handle = await harness.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, harness.taskQueue),
    );
    await eventually(
      async () => {
        const runs = await runsOf(handle);
        if (runs.length < 3) throw new Error(`${runs.length} runs`);
      },
      'three runs',
      90_000,
    );
    const after = await nextRun(handle);
    // the top rounds change no search attribute, so these are the ones carried to the new run
    const carried = (await handle.describe()).typedSearchAttributes;
    expect(carried.get(TicketType)).toBe('case_inquiry');
    expect(carried.get(TicketStatus)).toBe('escalated');
    expect(carried.get(TicketRedLight)).toBe(false);
    const acknowledged = await handle.executeUpdate(acknowledgeEscalationUpdate, {
      args: [{ actorId: 'president', note: '已部署处置' }],
    });
    expect(acknowledged.escalation).toMatchObject({ level: 2, acknowledgedBy: 'president' });
    const result = await handle.result();
    expect(result.status).toBe('answered');

    const runs = await runsOf(handle);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expectBoundedRuns(runs);
    expect(runs.findIndex((r) => r.runId === after)).toBe(runs.length - 1);
    expect(accepted(runs.at(-1)!.history)).toBe(1);

    const notified = result.timeline.filter((e) => e.kind === 'notified');
    const m = notified.length;
    expect(m).toBeGreaterThanOrEqual(8);
    notified.forEach((e, i) => {
      expect(e.note).toContain(`第${i + 1}次再通知`);
    });
    for (let i = 1; i < m; i += 1) {
      const gap = Date.parse(notified[i]!.at) - Date.parse(notified[i - 1]!.at);
      expect(gap).toBeGreaterThanOrEqual(PERIOD_MS);
    }
    expect(kinds(result)).toEqual([
      'created',
      'answered',
      'escalated',
      'escalation_level_up',
      ...notified.map(() => 'notified'),
      'acknowledged',
    ]);

    const { events, inbox } = await storedFor(harness.database, ticketId);
    expect(events.map((e) => e.seq)).toEqual(result.timeline.map((_, i) => i + 1));
    expect(events.map((e) => e.kind)).toEqual(kinds(result));
    const alerts = inbox.filter((n) => n.kind === 'escalation_unacknowledged').map((n) => n._id);
    expect(alerts.sort()).toEqual(
      Array.from(
        { length: m },
        (_, i) => `${ticketId}:escalation_unacknowledged:group:supervisor:l2-r${i + 1}`,
      ).sort(),
    );
    const topNotices = inbox.filter(
      (n) => n.kind === 'escalation' && n.recipientId === 'president',
    );
    expect(topNotices.map((n) => n._id).sort()).toEqual(
      [
        `${ticketId}:escalation:president:l2`,
        ...Array.from({ length: m }, (_, i) => `${ticketId}:escalation:president:l2-r${i + 1}`),
      ].sort(),
    );
    await recordHistory(
      harness.client.workflow.getHandle(handle.workflowId, runs.at(-1)!.runId),
      'continue-as-new-escalation-continued-run',
    );
  }, 180_000);

  it('waits for the callback across runs, flagging it late once, while the top is reminded', async () => {
    const input = {
      ...ticketInput(
        {
          type: 'complaint',
          complaint: { category: 'conduct', specificClues: false },
          caseNumber: DEMO_CASE_NUMBER,
        },
        shortPolicy({
          POLICY_FEEDBACK_WITHIN: '1h',
          POLICY_ESCALATION_ACK_WITHIN: `${PERIOD_MS / 1000}s`,
          POLICY_CALLBACK_WITHIN: '12s',
        }),
        { urgent: true },
      ),
      historyBound: BOUND,
    };
    const { ticketId } = input;
    const handle = await harness.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, harness.taskQueue),
    );
    await eventually(async () => {
      if ((await handle.query(getTicketQuery)).status !== 'escalated') throw new Error('not yet');
    }, 'escalated');
    await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-civil', result: '已核实处理' }],
    });
    await eventually(
      async () => {
        const runs = await runsOf(handle);
        if (runs.length < 3) throw new Error(`${runs.length} runs`);
        const { inbox } = await storedFor(harness.database, ticketId);
        if (!inbox.some((n) => n._id === `${ticketId}:callback_due:group:agent:late`))
          throw new Error('callback not yet late');
      },
      'three runs, callback late',
      90_000,
    );
    await nextRun(handle);
    await handle.executeUpdate(recordCallbackUpdate, {
      args: [{ actorId: 'agent01', reached: true, satisfied: true, note: null }],
    });
    const result = await handle.result();
    expect(result.status).toBe('closed');
    expect(result.escalation).toMatchObject({ level: 2, acknowledgedBy: null });

    const runs = await runsOf(handle);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expectBoundedRuns(runs);
    expect(kinds(result).filter((k) => k === 'callback_due')).toHaveLength(1);
    expect(kinds(result).slice(-2)).toEqual(['callback', 'closed']);
    const notified = result.timeline.filter((e) => e.kind === 'notified');
    notified.forEach((e, i) => {
      expect(e.note).toContain(`第${i + 1}次再通知`);
    });

    const { events, inbox } = await storedFor(harness.database, ticketId);
    expect(events.map((e) => e.seq)).toEqual(result.timeline.map((_, i) => i + 1));
    expect(events.map((e) => e.kind)).toEqual(kinds(result));
    expect(
      inbox
        .filter((n) => n.kind === 'callback_due')
        .map((n) => n._id)
        .sort(),
    ).toEqual(
      [
        `${ticketId}:callback_due:group:agent:due`,
        `${ticketId}:callback_due:group:agent:late`,
        `${ticketId}:callback_due:group:supervisor:late`,
      ].sort(),
    );
    await recordHistory(
      harness.client.workflow.getHandle(handle.workflowId, runs[1]!.runId),
      'continue-as-new-callback-second-run',
    );
  }, 180_000);

  it('goes on in the feedback window across runs: one warning, one red light, on time', async () => {
    const input = {
      ...ticketInput(
        {
          type: 'complaint',
          complaint: { category: 'conduct', specificClues: false },
          caseNumber: DEMO_CASE_NUMBER,
        },
        shortPolicy({
          POLICY_FEEDBACK_WITHIN: '30s',
          POLICY_ESCALATION_ACK_WITHIN: `${PERIOD_MS / 1000}s`,
        }),
        { urgent: true },
      ),
      historyBound: BOUND,
    };
    const { ticketId } = input;
    const handle = await harness.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, harness.taskQueue),
    );
    await eventually(
      async () => {
        const view = await handle.query(getTicketQuery);
        if (!view.remindedAt) throw new Error(`status ${view.status}`);
      },
      'overdue and reminded',
      90_000,
    );
    await nextRun(handle);
    const handled = await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-civil', result: '已核实处理' }],
    });
    expect(handled.status).toBe('handled');
    await callBackOnceDue(handle);
    const result = await handle.result();
    expect(result.status).toBe('closed');

    const runs = await runsOf(handle);
    expectBoundedRuns(runs);
    const endOf = (history: History) => {
      const time = history.events?.at(-1)?.eventTime;
      return Number(time?.seconds ?? 0) * 1000 + Math.floor((time?.nanos ?? 0) / 1e6);
    };
    const runAt = (at: string) => runs.findIndex((r) => endOf(r.history) >= Date.parse(at));
    const once = (kind: string) => {
      const events = result.timeline.filter((e) => e.kind === kind);
      expect(events).toHaveLength(1);
      return events[0]!;
    };
    const dispatched = once('dispatched');
    const warning = once('warning');
    const overdue = once('overdue');
    // the warning came in a continued run, the red light in a later one: both timers carried
    expect(runAt(warning.at)).toBeGreaterThanOrEqual(1);
    expect(runAt(overdue.at)).toBeGreaterThan(runAt(warning.at));
    const feedbackBy = Date.parse(handled.deadlines.feedbackBy!);
    expect(feedbackBy - Date.parse(dispatched.at)).toBe(30_000);
    expect(Date.parse(warning.at)).toBeGreaterThanOrEqual(Date.parse(dispatched.at) + 15_000);
    expect(Date.parse(warning.at)).toBeLessThan(feedbackBy);
    expect(Date.parse(overdue.at)).toBeGreaterThanOrEqual(feedbackBy);

    const { events, inbox } = await storedFor(harness.database, ticketId);
    expect(events.map((e) => e.seq)).toEqual(result.timeline.map((_, i) => i + 1));
    expect(events.map((e) => e.kind)).toEqual(kinds(result));
    const ids = (kind: string) =>
      inbox
        .filter((n) => n.kind === kind)
        .map((n) => n._id)
        .sort();
    expect(ids('warning')).toEqual([`${ticketId}:warning:head-civil:first`]);
    expect(ids('dispatch')).toHaveLength(1); // the handler is the head of the department
    expect(ids('red_light')).toEqual([`${ticketId}:red_light:head-civil:first`]);
    await recordHistory(
      harness.client.workflow.getHandle(handle.workflowId, runs[1]!.runId),
      'continue-as-new-feedback-window-second-run',
    );
  }, 180_000);

  it('waits for a reassignment across runs, then opens the next window', async () => {
    const input = {
      ...ticketInput(
        {
          type: 'complaint',
          complaint: { category: 'conduct', specificClues: false },
          caseNumber: DEMO_CASE_NUMBER,
        },
        shortPolicy({
          POLICY_FEEDBACK_WITHIN: '1h',
          POLICY_ESCALATION_ACK_WITHIN: `${PERIOD_MS / 1000}s`,
        }),
        { urgent: true },
      ),
      historyBound: BOUND,
    };
    const { ticketId } = input;
    const handle = await harness.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, harness.taskQueue),
    );
    await eventually(async () => {
      if (!(await handle.query(getTicketQuery)).deadlines.feedbackBy) throw new Error('not yet');
    }, 'dispatched');
    await handle.executeUpdate(returnTicketUpdate, {
      args: [{ actorId: 'head-civil', reason: '本案应由立案庭办理' }],
    });
    await eventually(
      async () => {
        if ((await runsOf(handle)).length < 2) throw new Error('one run');
      },
      'two runs',
      90_000,
    );
    await nextRun(handle);
    const headFiling = { id: 'head-filing', name: '吴立新', role: 'handler' as const };
    const reassigned = await handle.executeUpdate(reassignTicketUpdate, {
      args: [
        {
          actorId: 'agent01',
          reason: '改由立案庭办理',
          target: headFiling,
          departmentId: 'filing',
          departmentHead: headFiling,
        },
      ],
    });
    expect(reassigned).toMatchObject({ status: 'escalated', handler: headFiling });
    expect(reassigned.deadlines.feedbackBy).not.toBeNull();
    await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-filing', result: '已办理' }],
    });
    await callBackOnceDue(handle);
    const result = await handle.result();
    expect(result.status).toBe('closed');
    expect(result.reassignments).toHaveLength(1);

    const runs = await runsOf(handle);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expectBoundedRuns(runs);
    const { events, inbox } = await storedFor(harness.database, ticketId);
    expect(events.map((e) => e.seq)).toEqual(result.timeline.map((_, i) => i + 1));
    expect(
      inbox
        .filter((n) => n.kind === 'dispatch')
        .map((n) => n._id)
        .sort(),
    ).toEqual([`${ticketId}:dispatch:head-civil:first`, `${ticketId}:dispatch:head-filing:a1`]);
    await recordHistory(
      harness.client.workflow.getHandle(handle.workflowId, runs.at(-1)!.runId),
      'continue-as-new-reassign-continued-run',
    );
  }, 180_000);

  it('waits for agents to remind across runs when reminders are not automatic', async () => {
    const input = {
      ...ticketInput(
        {
          type: 'complaint',
          complaint: { category: 'conduct', specificClues: false },
          caseNumber: DEMO_CASE_NUMBER,
        },
        shortPolicy({
          POLICY_FEEDBACK_WITHIN: '2s',
          POLICY_REMINDER_WITHIN: '3s',
          POLICY_BULLETIN_AFTER: '2s',
          POLICY_AUTO_REMIND: 'false',
          POLICY_ESCALATION_ACK_WITHIN: `${PERIOD_MS / 1000}s`,
        }),
        { urgent: true },
      ),
      historyBound: BOUND,
    };
    const { ticketId } = input;
    const handle = await harness.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, harness.taskQueue),
    );
    const stored = (id: string) => async () => {
      const { inbox } = await storedFor(harness.database, ticketId);
      if (!inbox.some((n) => n._id === `${ticketId}:${id}`)) throw new Error(`no ${id}`);
    };
    const remind = async (expected: number) => {
      await nextRun(handle);
      const view = await handle.executeUpdate(sendReminderUpdate, {
        args: [{ actorId: 'agent01', note: null }],
      });
      expect(view.reminders).toBe(expected);
    };
    await eventually(
      stored('reminder_late:group:supervisor:first'),
      'reminder late, first',
      90_000,
    );
    await remind(1);
    await eventually(stored('reminder_late:group:supervisor:p1'), 'reminder late, p1', 90_000);
    await remind(2);
    await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-civil', result: '已核实处理' }],
    });
    await callBackOnceDue(handle);
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'closed', reminders: 2 });

    const runs = await runsOf(handle);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expectBoundedRuns(runs);
    expect(result.timeline.filter((e) => e.kind === 'reminded').map((e) => e.actor)).toEqual([
      'agent01',
      'agent01',
    ]);
    expect(kinds(result).filter((k) => k === 'bulletined')).toHaveLength(1);
    expect(result.timeline.filter((e) => e.note?.includes('尚未催办'))).toHaveLength(1);
    const { events, inbox } = await storedFor(harness.database, ticketId);
    expect(events.map((e) => e.seq)).toEqual(result.timeline.map((_, i) => i + 1));
    expect(
      inbox
        .filter((n) => n.kind === 'reminder')
        .map((n) => n._id)
        .sort(),
    ).toEqual([`${ticketId}:reminder:head-civil:r1`, `${ticketId}:reminder:head-civil:r2`]);
    await recordHistory(
      harness.client.workflow.getHandle(handle.workflowId, runs.at(-1)!.runId),
      'continue-as-new-agent-reminder-continued-run',
    );
    await recordHistory(
      harness.client.workflow.getHandle(handle.workflowId, runs[1]!.runId),
      'continue-as-new-first-reminder-second-run',
    );
  }, 180_000);
});
