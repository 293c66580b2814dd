import type { QueryDefinition, WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import { calendarOverrideModel, voicemailModel } from '../../libs/database/src';
import { DEMO_CASE_NUMBER, parsePolicy } from '../../libs/domain/src';
import { registerSearchAttributes } from '../../libs/temporal/src/namespace-setup';
import { TASK_QUEUES } from '../../libs/temporal/src/task-queues';
import {
  calendarChangedSignal,
  decideExtensionUpdate,
  getTicketQuery,
  reassignTicketUpdate,
  recordCallbackUpdate,
  requestExtensionUpdate,
  returnTicketUpdate,
  submitFeedbackUpdate,
  TICKET_SEARCH_ATTRIBUTES,
  type TicketView,
  ticketWorkflowOptions,
} from '../../workflows/ticket/contract';
import { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import {
  getVoicemailQuery,
  voicemailLoggedUpdate,
  voicemailWorkflowOptions,
} from '../../workflows/voicemail/contract';
import { voicemailWorkflow } from '../../workflows/voicemail/voicemail.workflow';
import { testEnv, uniqueId } from '../support/test-env';
import {
  allActivities,
  seedDirectoryPeople,
  storedFor,
  ticketInput,
} from '../support/ticket-harness';
import { createTimeSkippingEnv } from '../support/time-skipping';

/**
 * The real policy (2 h, 3 days, 1 working day) on Temporal's time-skipping test server: days
 * pass in milliseconds. The clock only moves forward, so the tests run in date order.
 */
describe('ticket timelines in real durations (time-skipping server)', () => {
  const policy = parsePolicy({}); // the defaults of API.md, quiet hours included
  const taskQueue = uniqueId('tickets');
  let env: TestWorkflowEnvironment;
  let database: mongoose.Connection;
  let workers: { worker: Worker; running: Promise<void> }[] = [];

  const shanghai = (local: string) => Date.parse(`${local}+08:00`);
  const HOUR = 3600_000;
  const DAY = 24 * HOUR;

  async function advanceTo(at: number): Promise<void> {
    const now = await env.currentTimeMs();
    if (at <= now) throw new Error(`the test clock is already past ${new Date(at).toISOString()}`);
    await env.sleep(at - now);
  }

  /** The state once the worker has processed what the clock made due (queries do not wait). */
  async function settled<V = TicketView>(
    handle: WorkflowHandle,
    ready: (view: V) => boolean,
    query: QueryDefinition<V> = getTicketQuery as unknown as QueryDefinition<V>,
  ): Promise<V> {
    let view = await handle.query(query);
    for (let i = 0; i < 100 && !ready(view); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      view = await handle.query(query);
    }
    return view;
  }

  /**
   * Waits for a workflow to complete without `handle.result()`: awaiting a result unlocks time
   * skipping, and the Java test server then races its clock years ahead once nothing is pending.
   */
  async function completed(handle: WorkflowHandle): Promise<void> {
    for (let i = 0; i < 200; i += 1) {
      if ((await handle.describe()).status.name === 'COMPLETED') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${handle.workflowId} did not complete`);
  }

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    await registerSearchAttributes(
      env.connection,
      env.namespace ?? 'default',
      TICKET_SEARCH_ATTRIBUTES,
      {},
    );
    database = await mongoose.createConnection(testEnv().mongodbUri).asPromise();
    await seedDirectoryPeople(database);
    await calendarOverrideModel(database).deleteMany({});
    const { tickets, notifications } = allActivities(database);
    for (const [queue, options] of [
      [taskQueue, { workflowsPath: require.resolve('../../workflows'), activities: tickets }],
      [TASK_QUEUES.notifications, { activities: notifications }],
    ] as const) {
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue: queue,
        ...options,
      });
      workers.push({ worker, running: worker.run() });
    }
  });

  afterAll(async () => {
    for (const { worker } of workers) worker.shutdown();
    await Promise.all(workers.map((w) => w.running));
    workers = [];
    await database?.close();
    await env?.teardown();
  });

  it('holds a Saturday-evening voicemail until Monday 08:30, then turns it red at 17:30 (Art. 6)', async () => {
    await advanceTo(shanghai('2026-12-05T20:00:00')); // a Saturday
    const voicemailId = uniqueId('vm');
    const receivedAt = new Date(await env.currentTimeMs()).toISOString();
    const handle = await env.client.workflow.start(
      voicemailWorkflow,
      voicemailWorkflowOptions({ voicemailId, receivedAt, policy }, taskQueue),
    );
    const waiting = await handle.query(getVoicemailQuery);
    expect(Date.parse(waiting.dueAt!)).toBe(shanghai('2026-12-07T08:30:00'));

    await advanceTo(shanghai('2026-12-07T09:00:00'));
    await settled(handle, (v) => v.status === 'due', getVoicemailQuery);
    await advanceTo(shanghai('2026-12-07T17:31:00'));
    await settled(handle, (v) => v.status === 'overdue', getVoicemailQuery);

    const logged = await handle.executeUpdate(voicemailLoggedUpdate, {
      args: [{ ticketId: 'T20261207-0001', actorId: 'agent01' }],
    });
    expect(logged).toMatchObject({ status: 'logged', ticketId: 'T20261207-0001' });
    await completed(handle);
    const stored = await voicemailModel(database).findById(voicemailId).lean();
    expect(stored).toMatchObject({ status: 'logged', ticketId: 'T20261207-0001' });
    expect(stored?.overdueAt).toBeInstanceOf(Date);
  });

  it('runs 3 days to overdue, reminds at once, and re-arms the 1-working-day bulletin deadline when the calendar changes (Art. 7, 8)', async () => {
    await advanceTo(shanghai('2026-12-28T10:00:00')); // Monday
    const input = ticketInput({ type: 'petition' }, policy);
    input.receivedAt = new Date(await env.currentTimeMs()).toISOString();
    const handle = await env.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, taskQueue),
    );

    // The test server's clock also runs in real time while locked: compare with the recorded times.
    const dispatched = await handle.query(getTicketQuery);
    const dispatchedAt = Date.parse(dispatched.dispatchedAt!);
    expect(Date.parse(dispatched.deadlines.dispatchBy!) - Date.parse(input.receivedAt)).toBe(
      2 * HOUR,
    );
    expect(Date.parse(dispatched.deadlines.feedbackBy!) - dispatchedAt).toBe(3 * DAY);

    await advanceTo(shanghai('2026-12-30T11:00:00')); // 0.67 of 3 days after dispatch: 10:14
    const warned = await settled(handle, (v) => v.timeline.some((e) => e.kind === 'warning'));
    expect(warned.status).toBe('dispatched'); // the yellow warning at two thirds of the window

    await advanceTo(shanghai('2026-12-31T10:00:05'));
    const reminded = await settled(handle, (v) => v.status === 'reminded');
    expect(reminded).toMatchObject({ status: 'reminded', redLight: true, reminders: 1 });
    const remindedAt = Date.parse(reminded.remindedAt!);
    const lateBy = remindedAt - Date.parse(reminded.deadlines.feedbackBy!);
    expect(lateBy).toBeGreaterThanOrEqual(0); // the timer fired at the deadline…
    expect(lateBy).toBeLessThan(1000); // …not a moment before, and within a second
    // 2027 is not in the statutory data yet: Monday–Friday assumed (Friday 1 January counts), and marked provisional
    expect(reminded.provisionalDeadlines).toBe(true);
    expect(Date.parse(reminded.deadlines.bulletinBy!) - remindedAt).toBe(DAY);

    // The court imports 2027's arrangement: New Year's Day off, Saturday 2 January worked (调休).
    await calendarOverrideModel(database).create({
      _id: 1,
      importedAt: new Date(),
      importedBy: 'admin',
      data: {
        version: 1,
        coveredYears: [2027],
        closures: [{ date: '2027-01-01', name: '元旦' }],
        workingDays: [{ date: '2027-01-02', name: '元旦调休上班' }],
      },
    });
    await handle.signal(calendarChangedSignal, { version: 1 });
    const recomputed = await settled(
      handle,
      (v) => v.timeline.at(-1)?.kind === 'deadline_recomputed',
    );
    expect(Date.parse(recomputed.deadlines.bulletinBy!) - remindedAt).toBe(2 * DAY);
    expect(recomputed.provisionalDeadlines).toBe(false);
    expect(recomputed.timeline.at(-1)?.kind).toBe('deadline_recomputed');

    await advanceTo(shanghai('2027-01-01T12:00:00'));
    expect((await handle.query(getTicketQuery)).status).toBe('reminded'); // the holiday does not count
    await advanceTo(shanghai('2027-01-02T10:00:05'));
    const bulletined = await settled(handle, (v) => v.status === 'bulletined');
    expect(bulletined).toMatchObject({ status: 'bulletined', redLight: true, reminders: 2 });

    await handle.executeUpdate(submitFeedbackUpdate, {
      args: [{ actorId: 'head-petition', result: '已答复信访人' }],
    });
    const handled = await handle.query(getTicketQuery);
    expect(handled).toMatchObject({ status: 'handled', redLight: false });
    expect(Date.parse(handled.deadlines.callbackBy!) - Date.parse(handled.handledAt!)).toBe(
      3 * 24 * 3600_000,
    );
    await handle.executeUpdate(recordCallbackUpdate, {
      args: [{ actorId: 'agent01', reached: true, satisfied: true, note: null }],
    });
    await completed(handle);
    expect((await handle.query(getTicketQuery)).status).toBe('closed');

    const { ticket, sms } = await storedFor(database, input.ticketId);
    expect(ticket).toMatchObject({ status: 'closed', reminders: 2, redLight: false });
    // SMS due in quiet hours (22:00–07:00) are held; none of this timeline's fell in them
    expect(sms.map((m) => m.kind)).toEqual([
      'dispatch',
      'warning',
      'red_light',
      'reminder',
      'reminder',
    ]);
  });

  /** 4.2, the judge could not be reached: a transfer to judge01 (civil), 3 days to feed back. */
  async function startToJudge() {
    const input = ticketInput({ type: 'contact_judge', caseNumber: DEMO_CASE_NUMBER }, policy, {
      couldNotReachJudge: true,
    });
    input.receivedAt = new Date(await env.currentTimeMs()).toISOString();
    const handle = await env.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, taskQueue),
    );
    return settled(handle, (v) => v.status === 'dispatched').then((view) => ({ handle, view }));
  }

  it('an approved extension (延期) holds the red light until the new deadline, the warning moving with it', async () => {
    await advanceTo(shanghai('2027-01-04T10:00:00')); // Monday
    const { handle, view } = await startToJudge();
    expect(Date.parse(view.deadlines.feedbackBy!)).toBeLessThan(shanghai('2027-01-07T10:01:00'));
    const until = new Date(shanghai('2027-01-11T17:30:00')).toISOString();
    await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ actorId: 'judge01', until, reason: '需调取外地卷宗' }],
    });
    const approved = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actorId: 'head-civil', asSupervisor: false, approve: true, note: null }],
    });
    expect(approved.deadlines.feedbackBy).toBe(until);

    await advanceTo(shanghai('2027-01-07T10:05:00')); // past the original deadline
    const held = await settled(handle, () => true);
    expect(held).toMatchObject({ status: 'dispatched', redLight: false, overdueAt: null });
    expect(held.timeline.map((e) => e.kind)).not.toContain('warning');
    await advanceTo(shanghai('2027-01-10T12:00:00')); // past 0.67 of the extended window
    await settled(handle, (v) => v.timeline.some((e) => e.kind === 'warning'));
    await advanceTo(shanghai('2027-01-11T17:31:00'));
    const red = await settled(handle, (v) => v.overdueAt !== null);
    expect(Date.parse(red.overdueAt!)).toBeGreaterThanOrEqual(Date.parse(until));
    await handle.terminate('test done');
  });

  it('a returned ticket (退回) waits with no clock; the reassignment (改派) starts a fresh 3 days', async () => {
    await advanceTo(shanghai('2027-01-12T10:00:00'));
    const { handle } = await startToJudge();
    await advanceTo(shanghai('2027-01-12T11:00:00'));
    await handle.executeUpdate(returnTicketUpdate, {
      args: [{ actorId: 'judge01', reason: '本案已移送立案庭' }],
    });
    await advanceTo(shanghai('2027-01-16T09:00:00')); // past the first window: no red light
    expect(await settled(handle, () => true)).toMatchObject({
      status: 'returned',
      redLight: false,
    });
    const head = { id: 'head-filing', name: '吴立新', role: 'handler' as const };
    const reassigned = await handle.executeUpdate(reassignTicketUpdate, {
      args: [
        {
          actorId: 'supervisor01',
          reason: '改由立案庭办理',
          target: head,
          departmentId: 'filing',
          departmentHead: head,
        },
      ],
    });
    const minute = 60_000;
    const restarted = Date.parse(reassigned.deadlines.feedbackBy!);
    expect(Math.abs(restarted - shanghai('2027-01-19T09:00:00'))).toBeLessThan(minute);
    const lost = shanghai('2027-01-16T09:00:00') - shanghai('2027-01-12T10:00:00');
    expect(Math.abs(reassigned.reassignments[0]!.lostMs - lost)).toBeLessThan(minute);
    await advanceTo(shanghai('2027-01-19T08:58:00'));
    expect(await settled(handle, () => true)).toMatchObject({
      status: 'dispatched',
      redLight: false,
    });
    await advanceTo(shanghai('2027-01-19T09:02:00'));
    await settled(handle, (v) => v.overdueAt !== null);
    await handle.terminate('test done');
  });
});
