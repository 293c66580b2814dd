import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowHandle,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { DEMO_CASE_NUMBER } from '../../libs/domain/src';
import {
  acknowledgeEscalationUpdate,
  awaitRoutedUpdate,
  getTicketQuery,
  recordCallbackUpdate,
  recordRepeatCallUpdate,
  sendReminderUpdate,
  submitFeedbackUpdate,
  type TicketView,
  type TicketWorkflowInput,
  ticketWorkflowOptions,
} from '../../workflows/ticket/contract';
import { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import { recordHistory } from '../support/history-fixtures';
import { eventually, TemporalHarness } from '../support/temporal-harness';
import { callBackOnceDue, FEEDBACK_TO_CLOSE } from '../support/ticket-callback';
import { shortPolicy, storedFor, ticketInput } from '../support/ticket-harness';

/** Every path of the ticket workflow on the real dev server, with short policy durations. */
describe('ticketWorkflow on the dev server', () => {
  const harness = new TemporalHarness();
  const historyLengths: Record<string, number> = {};

  beforeAll(() => harness.start());
  afterAll(async () => {
    console.log(`history events per path: ${JSON.stringify(historyLengths)}`);
    await harness.stop();
  });

  function start(input: TicketWorkflowInput): Promise<WorkflowHandle<typeof ticketWorkflow>> {
    return harness.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, harness.taskQueue),
    );
  }

  async function statusBecomes(
    handle: WorkflowHandle,
    status: TicketView['status'],
  ): Promise<TicketView> {
    return eventually(async () => {
      const view = await handle.query(getTicketQuery);
      if (view.status !== status) throw new Error(`status ${view.status}`);
      return view;
    }, `status ${status}`);
  }

  async function rejection(promise: Promise<unknown>): Promise<{ type: string; message: string }> {
    const error = await promise.then(
      () => {
        throw new Error('update was accepted');
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause as unknown as {
      type: string;
      message: string;
    };
    return { type: cause.type, message: cause.message };
  }

  const kinds = (view: TicketView) => view.timeline.map((e) => e.kind);

  it('answers a case inquiry directly and closes without a callback (4.1)', async () => {
    const input = ticketInput({ type: 'case_inquiry' }, shortPolicy());
    const handle = await start(input);
    const result = await handle.result();
    expect(result.status).toBe('answered');
    expect(result.callbackDue).toBe(false);
    expect(kinds(result)).toEqual(['created', 'answered']);
    const { ticket, events } = await storedFor(harness.database, input.ticketId);
    expect(ticket).toMatchObject({ status: 'answered', redLight: false, type: 'case_inquiry' });
    expect(events.map((e) => e.kind)).toEqual(['created', 'answered']);
    historyLengths.directAnswer = await harness.historyLength(handle);
    await recordHistory(handle, 'direct-answer');
  });

  /** How the intake logs a call: start and wait for the routing in one call (update-with-start). */
  function startRouted(input: TicketWorkflowInput): Promise<TicketView> {
    return harness.client.workflow.executeUpdateWithStart(awaitRoutedUpdate, {
      updateId: `routed-${input.ticketId}`,
      startWorkflowOperation: new WithStartWorkflowOperation(ticketWorkflow, {
        ...ticketWorkflowOptions(input, harness.taskQueue),
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
  }

  it('update-with-start: one call starts a transfer and answers it dispatched; a retry answers the same', async () => {
    // No policy in the input, as from the intake: the worker's is read first (a local
    // activity), so the update arrives before the workflow has routed anything.
    const input = ticketInput({ type: 'petition' });
    const view = await startRouted(input);
    expect(view.status).toBe('dispatched');
    expect(view.deadlines.dispatchBy).toEqual(expect.any(String));
    expect(view.deadlines.feedbackBy).toEqual(expect.any(String));
    expect(view.handler?.id).toBe('head-petition');
    const handle = harness.client.workflow.getHandle(`ticket-${input.ticketId}`);
    expect(await handle.query(getTicketQuery)).toMatchObject({ status: 'dispatched' });
    // A retry (the same update id) joins the running workflow and gets the same answer.
    expect(await startRouted(input)).toEqual(view);
    const runs = harness.client.workflow.list({ query: `WorkflowId = 'ticket-${input.ticketId}'` });
    let count = 0;
    for await (const _ of runs) count++;
    expect(count).toBeLessThanOrEqual(1);
    await handle.terminate('test done');
  });

  it('a ticket whose row the intake stored: one first ledger write carries created, dispatched and the deadline', async () => {
    // As the intake starts it: no policy in the input, update-with-start, the row stored first.
    const input: TicketWorkflowInput = {
      ...ticketInput({ type: 'petition' }),
      ledgerRowStored: true,
    };
    const view = await startRouted(input);
    expect(view.status).toBe('dispatched');
    const handle = harness.client.workflow.getHandle<typeof ticketWorkflow>(
      `ticket-${input.ticketId}`,
    );
    const first = await eventually(async () => {
      const stored = await storedFor(harness.database, input.ticketId);
      if (stored.ticket?.status !== 'dispatched') throw new Error('not written yet');
      return stored;
    }, 'the first ledger write');
    // One write (`rev` counts them): the deadline computed, both timeline events in it.
    expect((first.ticket as { rev?: number }).rev).toBe(1);
    expect(first.ticket?.deadlines?.feedbackBy).toBe(view.deadlines.feedbackBy);
    expect(first.events.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'created'],
      [2, 'dispatched'],
    ]);

    await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-petition', result: '已联系信访人并答复' }],
    });
    await callBackOnceDue(handle);
    const result = await handle.result();
    expect(kinds(result)).toEqual(['created', 'dispatched', ...FEEDBACK_TO_CLOSE]);
    const { ticket, events } = await storedFor(harness.database, input.ticketId);
    expect(ticket).toMatchObject({ status: 'closed' });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    await recordHistory(handle, 'ledger-row-stored-transfer');
  });

  it('update-with-start: a direct answer answers `answered`; after it finished, a retry gets the same answer, not a second run', async () => {
    const input = ticketInput({ type: 'case_inquiry' });
    const view = await startRouted(input);
    expect(view.status).toBe('answered');
    const handle = harness.client.workflow.getHandle<typeof ticketWorkflow>(
      `ticket-${input.ticketId}`,
    );
    const { runId } = await handle.describe();
    expect((await handle.result()).status).toBe('answered');
    // The server keeps the update's outcome with the closed run and answers the same id again.
    expect(await startRouted(input)).toEqual(view);
    expect((await handle.describe()).runId).toBe(runId);
    // Another update id on the finished run: the id reuse policy refuses to start it again.
    await expect(
      harness.client.workflow.executeUpdateWithStart(awaitRoutedUpdate, {
        updateId: 'another',
        startWorkflowOperation: new WithStartWorkflowOperation(ticketWorkflow, {
          ...ticketWorkflowOptions(input, harness.taskQueue),
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      }),
    ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    await recordHistory(handle, 'direct-answer-update-with-start');
  });

  it('keeps a direct answer touching litigation rights open for its key callback (Art. 10)', async () => {
    const input = ticketInput({ type: 'litigation_consultation' }, shortPolicy(), {
      litigationRights: true,
    });
    const handle = await start(input);
    const waiting = await statusBecomes(handle, 'answered');
    await eventually(async () => {
      const view = await handle.query(getTicketQuery);
      if (!view.deadlines.callbackBy) throw new Error('no callbackBy yet');
    }, 'callback due');
    expect(waiting.keyCallback).toBe(true);
    const closed = await handle.executeUpdate(recordCallbackUpdate, {
      args: [{ actorId: 'agent01', reached: true, satisfied: true, note: '来电人表示满意' }],
    });
    expect(closed.status).toBe('closed');
    expect((await handle.result()).callback).toMatchObject({ reached: true, satisfied: true });
    const { ticket } = await storedFor(harness.database, input.ticketId);
    expect(ticket).toMatchObject({
      status: 'closed',
      keyCallback: true,
      callback: { reached: true },
    });
  });

  it('transfers a petition, takes on-time feedback only from the handler, then the callback closes it', async () => {
    const input = ticketInput({ type: 'petition' }, shortPolicy({ POLICY_FEEDBACK_WITHIN: '60s' }));
    const handle = await start(input);
    const dispatched = await statusBecomes(handle, 'dispatched');
    expect(dispatched.handler?.id).toBe('head-petition');
    expect(dispatched.deadlines.feedbackBy).not.toBeNull();

    const wrongPerson = await rejection(
      handle.executeUpdate(submitFeedbackUpdate, {
        args: [{ actorId: 'judge01', result: '已处理' }],
      }),
    );
    expect(wrongPerson.type).toBe('forbidden');
    const tooEarly = await rejection(
      handle.executeUpdate(recordCallbackUpdate, {
        args: [{ actorId: 'agent01', reached: true, satisfied: true, note: null }],
      }),
    );
    expect(tooEarly.type).toBe('conflict');

    const handled = await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-petition', result: '已联系信访人并答复' }],
    });
    expect(handled).toMatchObject({ status: 'handled', redLight: false, callbackDue: true });
    const again = await rejection(
      handle.executeUpdate(submitFeedbackUpdate, {
        args: [{ actorId: 'head-petition', result: '再次' }],
      }),
    );
    expect(again.type).toBe('conflict');
    await callBackOnceDue(handle, {
      actorId: 'agent01',
      reached: true,
      satisfied: false,
      note: '不满意',
    });
    const result = await handle.result();
    expect(result.status).toBe('closed');
    expect(kinds(result)).toEqual(['created', 'dispatched', ...FEEDBACK_TO_CLOSE]);

    const history = await handle.fetchHistory();
    const updateEvents = (history.events ?? []).filter(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes,
    );
    expect(updateEvents).toHaveLength(2); // the rejected updates left no trace in history

    const { ticket, events, inbox, sms } = await storedFor(harness.database, input.ticketId);
    expect(ticket).toMatchObject({
      status: 'closed',
      handlerId: 'head-petition',
      departmentId: 'petition',
    });
    expect(ticket?.feedback).toMatchObject({ result: '已联系信访人并答复', by: 'head-petition' });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(sms.filter((m) => m.kind === 'dispatch').map((m) => [m.recipientId, m.status])).toEqual([
      ['head-petition', 'sent'],
    ]);
    expect(inbox.some((n) => n.kind === 'dispatch' && n.recipientId === 'head-petition')).toBe(
      true,
    );
    historyLengths.transferOnTime = history.events?.length ?? 0;
    await recordHistory(handle, 'transfer-on-time');
  });

  it('goes overdue, is reminded and bulletined, then takes late feedback and closes (Art. 7, 8)', async () => {
    const input = ticketInput(
      {
        type: 'complaint',
        complaint: { category: 'filing', specificClues: false },
        caseNumber: DEMO_CASE_NUMBER,
      },
      shortPolicy(),
    );
    expect(input.disposition.rule).toBe('4.5');
    const handle = await start(input);
    const bulletined = await statusBecomes(handle, 'bulletined');
    expect(bulletined.redLight).toBe(true);
    expect(bulletined.reminders).toBeGreaterThanOrEqual(1);
    expect(kinds(bulletined).slice(0, 6)).toEqual([
      'created',
      'dispatched',
      'warning',
      'overdue',
      'reminded',
      'bulletined',
    ]);
    // further reminders, one each bulletin period, until feedback arrives
    await eventually(async () => {
      if ((await handle.query(getTicketQuery)).reminders < 2) throw new Error('one reminder only');
    }, 'second reminder');

    const { ticket: red } = await storedFor(harness.database, input.ticketId);
    expect(red).toMatchObject({ status: 'bulletined', redLight: true });

    const handled = await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-filing', result: '已调查核实并书面报告' }],
    });
    expect(handled).toMatchObject({ status: 'handled', redLight: false });
    await callBackOnceDue(handle, {
      actorId: 'agent01',
      reached: false,
      satisfied: null,
      note: '未接通',
    });
    const result = await handle.result();
    expect(result.status).toBe('closed');
    const { ticket, sms } = await storedFor(harness.database, input.ticketId);
    expect(ticket).toMatchObject({ status: 'closed', redLight: false });
    expect(ticket?.bulletinedAt).toBeInstanceOf(Date);
    expect(sms.filter((m) => m.kind === 'red_light').map((m) => m.recipientId)).toEqual([
      'head-filing',
    ]);
    expect(sms.filter((m) => m.kind === 'reminder').length).toBe(result.reminders);
    const length = await harness.historyLength(handle);
    historyLengths.overdueBulletinedClosed = length;
    await recordHistory(handle, 'overdue-bulletined-closed');
    // target: at most 80 events with one reminder period; each further period adds 13 at most
    expect(length).toBeLessThanOrEqual(80 + 13 * (result.reminders - 1));
  });

  it('turns overdue at once on a repeat call "not handled in time" (Art. 8)', async () => {
    const input = ticketInput({ type: 'petition' }, shortPolicy({ POLICY_FEEDBACK_WITHIN: '1h' }));
    const handle = await start(input);
    await statusBecomes(handle, 'dispatched');
    const view = await handle.executeUpdate(recordRepeatCallUpdate, {
      args: [{ actorId: 'agent01', note: '来电人称三天未见答复', notHandledInTime: true }],
    });
    expect(view.redLight).toBe(true);
    expect(view.overdueAt).not.toBeNull();
    expect(view.repeatCalls).toHaveLength(1);
    expect(view.timeline.find((e) => e.kind === 'overdue')?.note).toBe(
      '来电人因未及时处理再次来电',
    );
    await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-petition', result: '已答复' }],
    });
    await handle.terminate('test done');
  });

  it('leaves the reminder to an agent when auto-remind is off, and flags a late one', async () => {
    const input = ticketInput(
      { type: 'petition' },
      shortPolicy({ POLICY_AUTO_REMIND: 'false', POLICY_FEEDBACK_WITHIN: '2s' }),
    );
    const handle = await start(input);
    const early = await rejection(
      handle.executeUpdate(sendReminderUpdate, { args: [{ actorId: 'agent01', note: null }] }),
    );
    expect(early.type).toBe('conflict');
    await statusBecomes(handle, 'overdue');
    await eventually(async () => {
      const view = await handle.query(getTicketQuery);
      if (!view.timeline.some((e) => e.kind === 'overdue' && e.note?.includes('尚未催办')))
        throw new Error('no');
    }, 'reminder-late notice');
    const reminded = await handle.executeUpdate(sendReminderUpdate, {
      args: [{ actorId: 'agent01', note: '电话催办' }],
    });
    expect(reminded).toMatchObject({ status: 'reminded', reminders: 1 });
    expect(reminded.timeline.find((e) => e.kind === 'reminded')?.actor).toBe('agent01');
    const { inbox } = await storedFor(harness.database, input.ticketId);
    expect(
      inbox.some((n) => n.kind === 'reminder_late' && n.recipientId === 'group:supervisor'),
    ).toBe(true);
    await handle.terminate('test done');
  });

  it('escalates an urgent complaint level by level until a leader acknowledges (4.8), and transfers it too', async () => {
    const input = ticketInput(
      {
        type: 'complaint',
        complaint: { category: 'conduct', specificClues: false },
        caseNumber: DEMO_CASE_NUMBER,
      },
      shortPolicy({ POLICY_FEEDBACK_WITHIN: '1h' }),
      { urgent: true },
    );
    expect(input.disposition.rule).toBe('4.8');
    const handle = await start(input);
    const first = await statusBecomes(handle, 'escalated');
    expect(first.escalation?.notified).toEqual(['vice-chief-civil', 'chief-civil']);
    const notNotified = await rejection(
      handle.executeUpdate(acknowledgeEscalationUpdate, {
        args: [{ actorId: 'president', note: null }],
      }),
    );
    expect(notNotified.type).toBe('forbidden');
    const second = await eventually(async () => {
      const view = await handle.query(getTicketQuery);
      if (view.escalation?.level !== 2) throw new Error(`level ${view.escalation?.level}`);
      return view;
    }, 'second level');
    expect(second.escalation?.notified).toEqual([
      'vice-chief-civil',
      'chief-civil',
      'vice-president',
      'president',
    ]);
    const acknowledged = await handle.executeUpdate(acknowledgeEscalationUpdate, {
      args: [{ actorId: 'vice-president', note: '已部署处置' }],
    });
    expect(acknowledged.status).toBe('dispatched');
    expect(acknowledged.escalation).toMatchObject({ acknowledgedBy: 'vice-president', level: 2 });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await handle.query(getTicketQuery)).escalation?.level).toBe(2); // the climb stopped
    const { sms } = await storedFor(harness.database, input.ticketId);
    expect(
      sms
        .filter((m) => m.kind === 'escalation')
        .map((m) => m.recipientId)
        .sort(),
    ).toEqual(['chief-civil', 'president', 'vice-chief-civil', 'vice-president']);
    expect(sms.find((m) => m.kind === 'dispatch')?.recipientId).toBe('head-civil');
    await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-civil', result: '已核实' }],
    });
    await callBackOnceDue(handle);
    expect((await handle.result()).status).toBe('closed');
    historyLengths.escalationAcknowledged = await harness.historyLength(handle);
    await recordHistory(handle, 'escalation-acknowledged');
  });
});
