import { CalendarRearmService } from '../../apps/intake/src/calendar/calendar-rearm.service';
import { calendarOverrideModel } from '../../libs/database/src';
import { shanghaiDate } from '../../libs/domain/src';
import {
  getTicketQuery,
  recordRepeatCallUpdate,
  ticketWorkflowOptions,
} from '../../workflows/ticket/contract';
import { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import { IntakeTestApp, randomMobile } from '../support/intake-app';
import { eventually } from '../support/temporal-harness';
import { testDatabaseUri } from '../support/test-env';
import { shortPolicy, storedFor, ticketInput } from '../support/ticket-harness';

/**
 * `GET`/`PUT /api/calendar/:year` on the real servers, in a database of this file's own (the
 * calendar is global: other files' tickets must not see these imports), and the re-arm of a
 * running ticket's reminder deadline and a waiting voicemail's due time after an import.
 */
process.env.MONGODB_URI = testDatabaseUri('calendar');

describe('intake: court calendar', () => {
  const t = new IntakeTestApp();
  beforeAll(async () => {
    await t.start();
    await calendarOverrideModel(t.harness.database).deleteMany({});
  });
  afterAll(() => t.stop());

  const get = async (year: number | string, user = 'agent01') =>
    (await t.as(user)).get(`/api/calendar/${year}`);
  const put = async (year: number | string, body: unknown, user = 'admin') =>
    (await t.as(user)).put(`/api/calendar/${year}`).send(body as object);

  describe('GET', () => {
    it('2026 comes from the bundled State Council schedule: official, version 1', async () => {
      const r = await get(2026);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        year: 2026,
        status: 'official',
        version: 1,
        source: 'bundled',
      });
      expect(r.body.days).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
      expect(r.body.days).toContainEqual(
        expect.objectContaining({ date: expect.stringMatching(/^2026-/), kind: 'workday' }),
      );
      expect(r.body.days.every((d: { date: string }) => d.date.startsWith('2026-'))).toBe(true);
    });

    it('2028 has no schedule yet: provisional, version 0, no days', async () => {
      const r = await get(2028, 'judge01');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        year: 2028,
        status: 'provisional',
        version: 0,
        days: [],
        source: 'none',
        note: null,
        importedAt: null,
        importedBy: null,
      });
    });

    it('needs a sign-in; a year that is not one → 400', async () => {
      expect((await t.http().get('/api/calendar/2026')).status).toBe(401);
      const r = await get('20x6');
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ field: 'year', message: expect.any(String) }]);
    });
  });

  describe('PUT refused', () => {
    const good = [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }];

    it.each([
      [
        'a date outside the year',
        { days: [...good, { date: '2027-12-31', kind: 'holiday', name: '元旦' }] },
        'days[1].date',
      ],
      [
        'a duplicate date',
        { days: [...good, { date: '2028-01-01', kind: 'holiday', name: '元旦' }] },
        'days[1].date',
      ],
      [
        'an unknown kind',
        { days: [...good, { date: '2028-01-02', kind: 'vacation', name: '元旦' }] },
        'days[1].kind',
      ],
      ['an impossible date', { days: [{ date: '2028-02-30', kind: 'holiday' }] }, 'days[0].date'],
      ['no days', { days: [], note: '空' }, 'days'],
      ['an empty body', {}, 'days'],
      ['days not a list', { days: 'none' }, 'days'],
    ])('%s → 400 naming the field, nothing stored', async (_, body, field) => {
      const r = await put(2028, body);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
      expect(r.body.errors).toContainEqual({
        field,
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
      expect(r.body.stack).toBeUndefined();
      expect((await get(2028)).body).toMatchObject({ status: 'provisional', version: 0, days: [] });
    });

    it('a missing body → 400', async () => {
      const r = await (await t.as('admin')).put('/api/calendar/2028');
      expect(r.status).toBe(400);
      expect(r.body.errors).toContainEqual(expect.objectContaining({ field: 'days' }));
    });

    it('every error of the import at once, by field', async () => {
      const r = await put(2028, {
        days: [
          { date: '2028-01-01', kind: 'holiday' },
          { date: '2029-01-01', kind: 'holiday' },
          { date: '2028-01-01', kind: 'holiday' },
          { date: '2028-01-08', kind: '班' },
        ],
      });
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'days[1].date',
        'days[2].date',
        'days[3].kind',
      ]);
    });

    it('not an admin → 403, nothing stored', async () => {
      for (const user of ['agent01', 'supervisor01', 'judge01', 'president']) {
        const r = await put(2028, { days: good }, user);
        expect(r.status).toBe(403);
      }
      expect((await t.http().put('/api/calendar/2028').send({ days: good })).status).toBe(401);
      expect((await get(2028)).body).toMatchObject({ status: 'provisional', version: 0 });
    });
  });

  describe('PUT accepted', () => {
    it('2029: official, version 1, shown by GET; a second import is version 2, the first kept', async () => {
      const days = [
        { date: '2029-01-01', kind: 'holiday', name: '元旦' },
        { date: '2029-02-17', kind: 'workday', name: '春节调休上班' },
        { date: '2029-02-12', kind: 'holiday', name: '春节' },
      ];
      const first = await put(2029, { days, note: '国务院办公厅关于2029年部分节假日安排的通知' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        year: 2029,
        status: 'official',
        version: 1,
        source: 'import',
        note: '国务院办公厅关于2029年部分节假日安排的通知',
        importedBy: 'admin',
        rearm: { status: 'started', calendarVersion: expect.any(Number) },
      });
      expect(first.body.days.map((d: { date: string }) => d.date)).toEqual([
        '2029-01-01',
        '2029-02-12',
        '2029-02-17',
      ]);
      const shown = await get(2029);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ year: 2029, status: 'official', version: 1 });
      expect(shown.body.days).toEqual(first.body.days);

      const second = await put(2029, { days: days.slice(0, 1), note: null });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ status: 'official', version: 2, note: null });
      expect((await get(2029)).body).toMatchObject({ version: 2, days: [days[0]] });
      const kept = await t.harness.database
        .collection('calendar_imports')
        .find({ year: 2029 })
        .toArray();
      expect(kept.map((d) => d._id).sort()).toEqual(['2029:1', '2029:2']);
      // Other years are untouched.
      expect((await get(2026)).body).toMatchObject({ status: 'official', version: 1 });
    });

    it('two imports of one year at once: each gets a version of its own, the newest is in force', async () => {
      const body = (name: string) => ({ days: [{ date: '2030-01-01', kind: 'holiday', name }] });
      const [a, b] = await Promise.all([put(2030, body('甲')), put(2030, body('乙'))]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect([a.body.version, b.body.version].sort()).toEqual([1, 2]);
      const newest = a.body.version === 2 ? '甲' : '乙';
      expect((await get(2030)).body).toMatchObject({
        version: 2,
        days: [{ date: '2030-01-01', kind: 'holiday', name: newest }],
      });
    });
  });

  describe('re-arm of running deadlines', () => {
    it('moves an overdue ticket’s reminder deadline (1wd) and a waiting voicemail’s due time', async () => {
      // A ticket overdue now: its reminder is due one working day later.
      const policy = shortPolicy({
        POLICY_FEEDBACK_WITHIN: '1h',
        POLICY_REMINDER_WITHIN: '1wd',
        POLICY_AUTO_REMIND: 'false',
      });
      const input = ticketInput({ type: 'petition' }, policy);
      const ticket = await t.harness.client.workflow.start(
        ticketWorkflow,
        ticketWorkflowOptions(input, t.harness.taskQueue),
      );
      await eventually(async () => {
        if ((await ticket.query(getTicketQuery)).status !== 'dispatched')
          throw new Error('not yet');
      }, 'dispatched');
      await ticket.executeUpdate(recordRepeatCallUpdate, {
        args: [{ actorId: 'agent01', note: null, notHandledInTime: true }],
      });
      const before = await eventually(async () => {
        const view = await ticket.query(getTicketQuery);
        if (!view.deadlines.reminderBy) throw new Error('no reminderBy yet');
        return view;
      }, 'reminderBy');

      // A voicemail left on Friday evening in 2028 (no schedule yet): due Monday 08:30.
      const posted = await (await t.as('telephony')).post('/api/voicemails').send({
        callerPhone: randomMobile(),
        receivedAt: '2028-03-03T19:00:00+08:00',
        recordingRef: 'rec-calendar-test',
      });
      expect(posted.status).toBe(201);
      expect(Date.parse(posted.body.dueAt)).toBe(Date.parse('2028-03-06T08:30:00+08:00'));

      // The court declares the reminder's day a holiday (keeping the rest of that year) …
      const reminderDay = shanghaiDate(before.deadlines.reminderBy!);
      const year = Number(reminderDay.slice(0, 4));
      const current = (await get(year)).body;
      const days = [
        ...current.days.filter((d: { date: string }) => d.date !== reminderDay),
        { date: reminderDay, kind: 'holiday', name: '临时闭院' },
      ];
      const imported = await put(year, { days, note: '测试：临时闭院' });
      expect(imported.status).toBe(200);
      expect(imported.body.version).toBe(current.version + 1);
      // … and imports 2028 with that Monday off.
      const y2028 = await put(2028, {
        days: [{ date: '2028-03-06', kind: 'holiday', name: '测试闭院' }],
        note: null,
      });
      expect(y2028.status).toBe(200);

      const after = await eventually(
        async () => {
          const view = await ticket.query(getTicketQuery);
          if (view.deadlines.reminderBy === before.deadlines.reminderBy)
            throw new Error('not moved');
          return view;
        },
        'reminder deadline moved',
        60_000,
      );
      expect(Date.parse(after.deadlines.reminderBy!)).toBeGreaterThan(
        Date.parse(before.deadlines.reminderBy!),
      );
      expect(shanghaiDate(after.deadlines.reminderBy!) > reminderDay).toBe(true);
      expect(after.timeline.map((e) => e.kind)).toContain('deadline_recomputed');
      // The ledger (what the ticket API and reports read) has the moved deadline.
      await eventually(async () => {
        const { ticket: stored } = await storedFor(t.harness.database, input.ticketId);
        const at = (stored?.deadlines as Record<string, Date | string> | undefined)?.reminderBy;
        if (!at || new Date(at).getTime() !== Date.parse(after.deadlines.reminderBy!)) {
          throw new Error(`ledger ${String(at)}`);
        }
      }, 'ledger deadline');

      await eventually(
        async () => {
          const r = await (await t.as('agent01')).get(`/api/voicemails/${posted.body.id}`);
          if (Date.parse(r.body.dueAt) !== Date.parse('2028-03-07T08:30:00+08:00')) {
            throw new Error(`dueAt ${r.body.dueAt}`);
          }
        },
        'voicemail due Tuesday',
        60_000,
      );

      const rearm = t.moduleRef.get(CalendarRearmService);
      await rearm.idle();
      expect(rearm.lastResult).toMatchObject({ failed: 0 });
      expect(rearm.lastResult!.signalled).toBeGreaterThanOrEqual(1);

      await ticket.terminate('test done');
      await t.harness.client.workflow
        .getHandle(`voicemail-${posted.body.id}`)
        .terminate('test done');
    });
  });
});
