import { calendarOverrideModel, voicemailModel } from '../../libs/database/src';
import { parsePolicy } from '../../libs/domain/src';
import {
  calendarChangedSignal,
  getTicketQuery,
  recordRepeatCallUpdate,
  ticketWorkflowOptions,
} from '../../workflows/ticket/contract';
import { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import {
  getVoicemailQuery,
  voicemailLoggedUpdate,
  voicemailWorkflowOptions,
} from '../../workflows/voicemail/contract';
import { voicemailWorkflow } from '../../workflows/voicemail/voicemail.workflow';
import { recordHistory } from '../support/history-fixtures';
import { eventually, TemporalHarness } from '../support/temporal-harness';
import { testDatabaseUri, uniqueId } from '../support/test-env';
import { shortPolicy, storedFor, ticketInput } from '../support/ticket-harness';

// The court calendar is global: a database of this file's own, so that another file's calendar
// import (a new, higher version) never stands in for the versions these tests write.
process.env.MONGODB_URI = testDatabaseUri('voicemail_calendar');

/** The voicemail path and a calendar change, on the real dev server (the long waits run under time skipping). */
describe('voicemail and calendar changes on the dev server', () => {
  const harness = new TemporalHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('puts a voicemail from a past working day in the inbox at once, turns it red, then logs it (Art. 6)', async () => {
    const voicemailId = uniqueId('vm');
    const receivedAt = '2026-11-27T10:15:00+08:00'; // a Friday, in working hours: due at once
    const handle = await harness.client.workflow.start(
      voicemailWorkflow,
      voicemailWorkflowOptions(
        { voicemailId, receivedAt, policy: parsePolicy({}) },
        harness.taskQueue,
      ),
    );
    const overdue = await eventually(async () => {
      const view = await handle.query(getVoicemailQuery);
      if (view.status !== 'overdue') throw new Error(view.status);
      return view;
    }, 'overdue voicemail');
    expect(Date.parse(overdue.dueAt!)).toBe(Date.parse(receivedAt));
    const logged = await handle.executeUpdate(voicemailLoggedUpdate, {
      args: [{ ticketId: 'T1', actorId: 'agent01' }],
    });
    expect(logged.status).toBe('logged');
    await handle.result();
    expect(await voicemailModel(harness.database).findById(voicemailId).lean()).toMatchObject({
      status: 'logged',
      ticketId: 'T1',
    });
    const inbox = await harness.database
      .collection('notifications')
      .find({ _id: `voicemail:${voicemailId}:due` } as never)
      .toArray();
    expect(inbox.map((n) => n.recipientId)).toEqual(['group:agent']);
  });

  it('recomputes working-day deadlines when the court calendar changes', async () => {
    await calendarOverrideModel(harness.database).deleteMany({});
    const policy = shortPolicy({
      POLICY_FEEDBACK_WITHIN: '1h',
      POLICY_REMINDER_WITHIN: '3wd',
      POLICY_AUTO_REMIND: 'false',
    });
    const input = ticketInput({ type: 'petition' }, policy);
    const handle = await harness.client.workflow.start(
      ticketWorkflow,
      ticketWorkflowOptions(input, harness.taskQueue),
    );
    await eventually(async () => {
      if ((await handle.query(getTicketQuery)).status !== 'dispatched') throw new Error('not yet');
    }, 'dispatched');
    const overdue = await handle.executeUpdate(recordRepeatCallUpdate, {
      args: [{ actorId: 'agent01', note: null, notHandledInTime: true }],
    });
    const before = await eventually(async () => {
      const view = await handle.query(getTicketQuery);
      if (!view.deadlines.reminderBy) throw new Error('no reminderBy yet');
      return view;
    }, 'reminderBy');
    expect(overdue.overdueAt).not.toBeNull();

    // The court closes the next three days (e.g. an extra closure): the reminder deadline moves.
    const next = new Date(Date.parse(before.overdueAt!) + 8 * 3600_000);
    const days = [0, 1, 2].map((d) =>
      new Date(next.getTime() + d * 86_400_000).toLocaleDateString('sv-SE', {
        timeZone: 'Asia/Shanghai',
      }),
    );
    await calendarOverrideModel(harness.database).create({
      _id: 7,
      importedAt: new Date(),
      importedBy: 'admin',
      data: {
        version: 7,
        coveredYears: [],
        closures: days.map((date) => ({ date, name: '临时闭院' })),
        workingDays: [],
      },
    });
    await handle.signal(calendarChangedSignal, { version: 7 });
    const after = await eventually(async () => {
      const view = await handle.query(getTicketQuery);
      if (view.timeline.at(-1)?.kind !== 'deadline_recomputed') throw new Error('not recomputed');
      return view;
    }, 'recomputed');
    expect(Date.parse(after.deadlines.reminderBy!)).toBeGreaterThan(
      Date.parse(before.deadlines.reminderBy!),
    );
    const { ticket } = await storedFor(harness.database, input.ticketId);
    expect(new Date((ticket!.deadlines as Record<string, Date>).reminderBy!).toISOString()).toBe(
      new Date(after.deadlines.reminderBy!).toISOString(),
    );

    // The same version again (a re-arm resumed after a crash): ignored, no second recompute.
    await handle.signal(calendarChangedSignal, { version: 7 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const again = await handle.query(getTicketQuery);
    expect(again.timeline.filter((e) => e.kind === 'deadline_recomputed')).toHaveLength(1);
    expect(again.deadlines.reminderBy).toBe(after.deadlines.reminderBy);

    await calendarOverrideModel(harness.database).deleteMany({});
    await handle.terminate('test done');
    await recordHistory(handle, 'calendar-changed-version-check');
  });

  it('moves a waiting voicemail due time when the calendar changes, and re-arms its timer', async () => {
    await calendarOverrideModel(harness.database).deleteMany({ _id: 8 });
    const voicemailId = uniqueId('vm');
    // Friday evening in 2028, a year the bundled data does not cover: due Monday 08:30 (provisional).
    const receivedAt = '2028-03-03T19:00:00+08:00';
    const handle = await harness.client.workflow.start(
      voicemailWorkflow,
      voicemailWorkflowOptions(
        { voicemailId, receivedAt, policy: parsePolicy({}) },
        harness.taskQueue,
      ),
    );
    const waiting = await eventually(async () => {
      const view = await handle.query(getVoicemailQuery);
      if (!view.dueAt) throw new Error('no dueAt yet');
      return view;
    }, 'waiting voicemail');
    expect(waiting).toMatchObject({ status: 'waiting', provisional: true });
    expect(Date.parse(waiting.dueAt!)).toBe(Date.parse('2028-03-06T08:30:00+08:00'));

    // The court imports 2028 with that Monday off: due Tuesday 08:30, no longer provisional.
    await calendarOverrideModel(harness.database).create({
      _id: 8,
      importedAt: new Date(),
      importedBy: 'admin',
      data: {
        version: 8,
        coveredYears: [2028],
        closures: [{ date: '2028-03-06', name: '测试闭院' }],
        workingDays: [],
      },
    });
    await handle.signal(calendarChangedSignal, { version: 8 });
    const moved = await eventually(async () => {
      const view = await handle.query(getVoicemailQuery);
      if (Date.parse(view.dueAt!) !== Date.parse('2028-03-07T08:30:00+08:00')) {
        throw new Error(`dueAt ${view.dueAt}`);
      }
      return view;
    }, 'moved due time');
    expect(moved).toMatchObject({ status: 'waiting', provisional: false });
    await eventually(async () => {
      const doc = await voicemailModel(harness.database).findById(voicemailId).lean();
      if (doc?.dueAt?.toISOString() !== '2028-03-07T00:30:00.000Z') throw new Error('not stored');
    }, 'stored due time');

    // Logged before it came due: the workflow completes.
    await handle.executeUpdate(voicemailLoggedUpdate, {
      args: [{ ticketId: 'T2', actorId: 'agent01' }],
    });
    expect((await handle.result()).status).toBe('logged');
    await calendarOverrideModel(harness.database).deleteMany({ _id: 8 });
    await recordHistory(handle, 'voicemail-calendar-rearmed');
  });
});
