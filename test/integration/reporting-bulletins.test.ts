import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import request from 'supertest';
import { BULLETIN_SCHEDULE_ID } from '../../apps/reporting/src/reporting-settings';
import { bulletinModel, calendarOverrideModel, notificationModels } from '../../libs/database/src';
import { addCivilDays, type Role, shanghaiDate, shanghaiInstant } from '../../libs/domain/src';
import { TASK_QUEUES } from '../../libs/temporal/src';
import { seedLedger } from '../support/ledger-seed';
import { binary, readWorkbook, startReportingApp } from '../support/reporting-app';
import { eventually, testDataConverter } from '../support/temporal-harness';
import { testEnv } from '../support/test-env';
import { allActivities, seedDirectoryPeople } from '../support/ticket-harness';

const H = 3_600_000;

function ledgerDoc(id: string, receivedAt: Date, over: Record<string, unknown> = {}) {
  return {
    _id: id,
    workflowId: `ticket-${id}`,
    type: 'complaint',
    channel: 'phone',
    caseNumber: null,
    caller: { name: '李四', phone: '13900139000' },
    content: '投诉',
    flags: {},
    status: 'dispatched',
    redLight: false,
    disposition: {
      action: 'transfer',
      rule: '4.4',
      target: { id: 'head-civil', name: '张建国', role: 'handler' },
      departmentId: 'civil',
    },
    handlerId: 'head-civil',
    departmentId: 'civil',
    deadlines: {
      dispatchBy: new Date(receivedAt.getTime() + 2 * H),
      feedbackBy: new Date(receivedAt.getTime() + 72 * H),
    },
    receivedAt,
    dispatchedAt: receivedAt,
    overdueAt: null,
    remindedAt: null,
    reminders: 0,
    bulletinedAt: null,
    feedback: null,
    callbackDue: false,
    keyCallback: false,
    callback: null,
    loggedBy: 'agent01',
    ...over,
  };
}

/** A ticket that went overdue, was reminded and then bulletined at `bulletinedAt`. */
function bulletined(id: string, bulletinedAt: Date, over: Record<string, unknown> = {}) {
  const received = new Date(bulletinedAt.getTime() - 120 * H);
  return ledgerDoc(id, received, {
    status: 'bulletined',
    redLight: true,
    overdueAt: new Date(received.getTime() + 72 * H),
    remindedAt: new Date(received.getTime() + 96 * H),
    reminders: 1,
    bulletinedAt,
    ...over,
  });
}

describe('bulletins (通报): the schedule, a triggered run, and on demand', () => {
  let app: NestExpressApplication;
  let token: (id: string, roles: Role[], dept?: string | null) => Promise<string>;
  let db: mongoose.Connection;
  let client: Client;
  let connection: Connection;
  let native: NativeConnection;
  let notificationsWorker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    const env = testEnv();
    db = await mongoose.createConnection(env.mongodbUri).asPromise();
    await seedDirectoryPeople(db);
    // The notification service's activities, on this run's database (bulletin notices land here).
    native = await NativeConnection.connect({ address: env.temporalAddress });
    notificationsWorker = await Worker.create({
      connection: native,
      namespace: env.namespace,
      dataConverter: testDataConverter(),
      taskQueue: TASK_QUEUES.notifications,
      activities: allActivities(db).notifications,
    });
    running = notificationsWorker.run();
    connection = await Connection.connect({ address: env.temporalAddress });
    client = new Client({
      connection,
      namespace: env.namespace,
      dataConverter: testDataConverter(),
    });
    ({ app, token } = await startReportingApp());
  });

  afterAll(async () => {
    await app?.close();
    notificationsWorker?.shutdown();
    await running;
    await native?.close();
    await connection?.close();
    await db?.close();
  });

  it('creates the weekly schedule on start: Monday 09:00 Asia/Shanghai, bulletinWorkflow on "reporting"', async () => {
    const description = await client.schedule.getHandle(BULLETIN_SCHEDULE_ID).describe();
    expect(description.spec.timezone).toBe('Asia/Shanghai');
    const calendar = description.spec.calendars?.[0];
    expect(calendar?.dayOfWeek).toEqual([{ start: 'MONDAY', end: 'MONDAY', step: 1 }]);
    expect(calendar?.hour).toEqual([{ start: 9, end: 9, step: 1 }]);
    expect(calendar?.minute).toEqual([{ start: 0, end: 0, step: 1 }]);
    expect(description.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'bulletinWorkflow',
      taskQueue: TASK_QUEUES.reporting,
    });
  });

  async function triggerAndWait() {
    const handle = client.schedule.getHandle(BULLETIN_SCHEDULE_ID);
    const before = (await handle.describe()).info.recentActions.length;
    await handle.trigger();
    const action = await eventually(async () => {
      const actions = (await handle.describe()).info.recentActions;
      if (actions.length <= before) throw new Error('not fired yet');
      return actions[actions.length - 1]!;
    }, 'the schedule fires');
    return client.workflow
      .getHandle(action.action.workflow.workflowId, action.action.workflow.firstExecutionRunId)
      .result();
  }

  // The run's shared database holds other tests' tickets, stamped with the real clock: when a
  // run crosses midnight in Shanghai, yesterday's fall into this bulletin's week too.
  const ours = (ids: readonly (string | null | undefined)[]) =>
    ids.filter((id): id is string => id?.startsWith('SCH-') === true).sort();

  it('a triggered run on a working day produces a bulletin listing exactly the bulletined tickets', async () => {
    const now = Date.now();
    const today = shanghaiDate(now);
    const weekStart = shanghaiInstant(addCivilDays(today, -7));
    // Today is a working day for this test, whatever the weekday (the court's overrides).
    await calendarOverrideModel(db).create({
      _id: 1001,
      data: {
        version: 1001,
        coveredYears: [],
        closures: [],
        workingDays: [{ date: today, name: '测试加班日' }],
      },
      importedAt: new Date(),
      importedBy: 'test',
    });
    const inPeriod = (hoursAfterWeekStart: number) => new Date(weekStart + hoursAfterWeekStart * H);
    await seedLedger(db, [
      bulletined('SCH-1', inPeriod(60)),
      bulletined('SCH-2', inPeriod(100), {
        type: 'petition',
        departmentId: 'petition',
        handlerId: 'head-petition',
        disposition: {
          action: 'transfer',
          rule: '4.3',
          target: { id: 'head-petition', name: '周海燕', role: 'handler' },
        },
      }),
      // overdue and reminded in the period, not bulletined: listed as overdue only
      ledgerDoc('SCH-3', inPeriod(1), {
        overdueAt: inPeriod(73),
        remindedAt: inPeriod(80),
        status: 'reminded',
      }),
      // bulletined before the period, and after it (today): not in this bulletin
      bulletined('SCH-OLD', new Date(weekStart - 24 * H)),
      bulletined('SCH-TODAY', new Date(shanghaiInstant(today) + 60_000)),
    ]);

    const result = await triggerAndWait();
    expect(result).toMatchObject({ skipped: false });
    const bulletin = (await bulletinModel(db).findById(result.bulletinId).lean())!;
    expect(result.counts.bulletined).toBe(bulletin.bulletined.length);
    expect(bulletin.trigger).toBe('schedule');
    expect(bulletin.period.to.toISOString()).toBe(new Date(shanghaiInstant(today)).toISOString());
    expect(ours(bulletin.bulletined.map((e) => e.id))).toEqual(['SCH-1', 'SCH-2']);
    // overdue in the period: SCH-TODAY turned overdue two days before it was bulletined today
    expect(ours(bulletin.overdue.map((e) => e.id))).toEqual([
      'SCH-1',
      'SCH-2',
      'SCH-3',
      'SCH-TODAY',
    ]);
    const civil = bulletin.byDepartment.find((g) => g.id === 'civil')!;
    expect(civil.name).toBe('民事审判庭');
    expect(ours(civil.bulletined)).toEqual(['SCH-1']);
    const petition = bulletin.byHandler.find((g) => g.id === 'head-petition')!;
    expect(ours(petition.bulletined)).toEqual(['SCH-2']);

    // announced to the department heads and the supervisors, in-app
    const notices = await eventually(async () => {
      const found = (
        await notificationModels(db)
          .inbox.find({ _id: { $regex: `^bulletin:${result.bulletinId}:` } })
          .lean()
      ).filter((n) => ours([n.ticketId]).length > 0);
      if (found.length < 4) throw new Error(`${found.length} notices`);
      return found;
    }, 'bulletin notices');
    expect(notices.map((n) => `${n.ticketId}→${n.recipientId}`).sort()).toEqual([
      'SCH-1→group:supervisor',
      'SCH-1→head-civil',
      'SCH-2→group:supervisor',
      'SCH-2→head-petition',
    ]);
    expect(notices.every((n) => n.kind === 'bulletin')).toBe(true);
    expect(
      bulletin.announcedAt ??
        (await bulletinModel(db).findById(result.bulletinId).lean())?.announcedAt,
    ).toBeTruthy();
  });

  it('a run on a day that is not a working day does nothing', async () => {
    const today = shanghaiDate(Date.now());
    await calendarOverrideModel(db).create({
      _id: 1002,
      data: {
        version: 1002,
        coveredYears: [],
        closures: [{ date: today, name: '测试闭院' }],
        workingDays: [],
      },
      importedAt: new Date(),
      importedBy: 'test',
    });
    const count = await bulletinModel(db).countDocuments({ trigger: 'schedule' });
    const result = await triggerAndWait();
    expect(result).toMatchObject({ skipped: true, bulletinId: null });
    expect(result.reason).toContain(today);
    expect(await bulletinModel(db).countDocuments({ trigger: 'schedule' })).toBe(count);
  });

  it('POST /api/bulletins generates one for a period; listed, readable, exportable as xlsx', async () => {
    const supervisor = await token('supervisor01', ['supervisor']);
    const base = Date.parse('2024-07-01T01:00:00Z');
    await seedLedger(db, [
      bulletined('MAN-1', new Date(base + 24 * H)),
      bulletined('MAN-2', new Date(base + 48 * H), {
        departmentId: 'filing',
        handlerId: 'head-filing',
      }),
      bulletined('MAN-3', new Date(base + 72 * H), {
        handlerId: 'judge01',
        disposition: {
          action: 'transfer',
          rule: '4.5',
          target: { id: 'judge01', name: '法官', role: 'handler' },
          departmentId: 'civil',
        },
      }),
      bulletined('MAN-OUT', new Date(base + 10 * 24 * H)),
    ]);
    const agent = await token('agent01', ['agent'], 'filing');
    const server = app.getHttpServer();
    expect(
      (
        await request(server)
          .post('/api/bulletins')
          .set('Authorization', `Bearer ${agent}`)
          .send({})
      ).status,
    ).toBe(403);

    const created = await request(server)
      .post('/api/bulletins')
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ from: '2024-07-01', to: '2024-07-07' });
    expect(created.status).toBe(201);
    expect(created.body.trigger).toBe('manual');
    expect(created.body.requestedBy).toBe('supervisor01');
    expect(created.body.bulletined.map((e: { id: string }) => e.id)).toEqual([
      'MAN-1',
      'MAN-2',
      'MAN-3',
    ]);
    const id = created.body.id as string;

    const list = await request(server)
      .get('/api/bulletins')
      .set('Authorization', `Bearer ${supervisor}`);
    expect(list.body.items.map((b: { id: string }) => b.id)).toContain(id);

    const judge = await token('head-civil', ['handler'], 'civil');
    const forJudge = await request(server)
      .get(`/api/bulletins/${id}`)
      .set('Authorization', `Bearer ${judge}`);
    expect(forJudge.status).toBe(200);
    // The head of civil: the department's tickets (the judge's MAN-3 among them).
    expect(forJudge.body.bulletined.map((e: { id: string }) => e.id)).toEqual(['MAN-1', 'MAN-3']);
    expect(forJudge.body.counts.bulletined).toBe(2);
    expect(forJudge.body.byDepartment.map((g: { id: string }) => g.id)).toEqual(['civil']);

    // A judge who heads nothing: the tickets addressed to them only, everywhere in the bulletin.
    const plain = await token('judge01', ['handler'], 'civil');
    const forPlain = await request(server)
      .get(`/api/bulletins/${id}`)
      .set('Authorization', `Bearer ${plain}`);
    expect(forPlain.status).toBe(200);
    expect(forPlain.body.bulletined.map((e: { id: string }) => e.id)).toEqual(['MAN-3']);
    expect(forPlain.body.overdue.map((e: { id: string }) => e.id)).toEqual(['MAN-3']);
    expect(forPlain.body.counts).toEqual({ bulletined: 1, overdue: 1 });
    expect(forPlain.body.byHandler).toEqual([
      expect.objectContaining({ id: 'judge01', bulletined: ['MAN-3'], overdue: ['MAN-3'] }),
    ]);
    expect(forPlain.body.byDepartment).toEqual([
      expect.objectContaining({ id: 'civil', bulletined: ['MAN-3'], overdue: ['MAN-3'] }),
    ]);
    const plainList = await request(server)
      .get('/api/bulletins?limit=100')
      .set('Authorization', `Bearer ${plain}`);
    const listed = plainList.body.items.find((b: { id: string }) => b.id === id);
    expect(listed.counts).toEqual({ bulletined: 1, overdue: 1 });
    const plainXlsx = await request(server)
      .get(`/api/bulletins/${id}?format=xlsx`)
      .set('Authorization', `Bearer ${plain}`)
      .buffer(true)
      .parse(binary);
    const plainSheet = (await readWorkbook(plainXlsx.body as Buffer)).getWorksheet('通报工单')!;
    expect(plainSheet.rowCount).toBe(2);
    expect(plainSheet.getRow(2).getCell(1).value).toBe('MAN-3');

    const xlsx = await request(server)
      .get(`/api/bulletins/${id}?format=xlsx`)
      .set('Authorization', `Bearer ${supervisor}`)
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    const workbook = await readWorkbook(xlsx.body as Buffer);
    const sheet = workbook.getWorksheet('通报工单')!;
    expect(sheet.rowCount).toBe(4);
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(1).value)).toEqual([
      'MAN-1',
      'MAN-2',
      'MAN-3',
    ]);

    const missing = await request(server)
      .get('/api/bulletins/nope')
      .set('Authorization', `Bearer ${supervisor}`);
    expect(missing.status).toBe(404);
  });

  it('POST /api/bulletins for a period with nothing bulletined or overdue: empty lists, stored as such', async () => {
    const supervisor = await token('supervisor01', ['supervisor']);
    const created = await request(app.getHttpServer())
      .post('/api/bulletins')
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ from: '2020-03-02', to: '2020-03-08' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      counts: { bulletined: 0, overdue: 0 },
      bulletined: [],
      overdue: [],
      byDepartment: [],
      byHandler: [],
    });
    const stored = (await bulletinModel(db).findById(created.body.id).lean())!;
    expect(stored.bulletined).toEqual([]);
    expect(stored.overdue).toEqual([]);
  });
});
