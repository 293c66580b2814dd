import {
  type Notice,
  NotificationDelivery,
  type NotificationDeliveryDeps,
  type SmsProvider,
  SmsProviderError,
} from '@court/notifications';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type mongoose from 'mongoose';
import request from 'supertest';
import { createNotificationActivities } from '../../activities';
import { NotificationModule } from '../../apps/notification/src/notification.module';
import {
  NOTIFICATION_DELIVERY,
  SmsReleaseTimer,
} from '../../apps/notification/src/notification.providers';
import { NOTIFICATION_WORKER } from '../../apps/notification/src/notification-worker.provider';
import { TokenService } from '../../libs/auth/src';
import { configureHttpApp } from '../../libs/common/src';
import { notificationModels, Storage } from '../../libs/database/src';
import { parseQuietHours } from '../../libs/domain/src';
import { answeredTicket, seedLedger } from '../support/ledger-seed';
import { testDatabaseUri, testEnv, uniqueId } from '../support/test-env';

/** The feedback deadline of the transfers below: 12月5日17:30 in Shanghai. */
const DEADLINE = '2026-12-05T09:30:00Z';

/**
 * The caller's SMS receipt of a transfer (kind `caller_receipt`, recipient `caller`): the
 * workflow never knows the caller's phone, so the notification side reads it from the ticket's
 * ledger row when it delivers. Two notification apps on a database of this file's own, one with
 * the default settings and one with NOTIFY_CALLER_RECEIPT=false; their activity workers and
 * release timers are left out, so that no other test file's notices come here.
 */
describe('caller receipt: the SMS to the caller, its number read from the ledger', () => {
  const saved = { ...process.env };
  let on: NestExpressApplication;
  let off: NestExpressApplication;
  let connection: mongoose.Connection;
  let models: ReturnType<typeof notificationModels>;
  let supervisor: string;

  async function startApp(env: Record<string, string | undefined>) {
    Object.assign(process.env, env);
    const moduleRef = await Test.createTestingModule({ imports: [NotificationModule] })
      .overrideProvider(NOTIFICATION_WORKER)
      .useValue({})
      .overrideProvider(SmsReleaseTimer)
      .useValue({})
      .compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: false,
    });
    configureHttpApp(app, 'test');
    await app.init();
    return app;
  }

  /** A transfer of `ticketId` in the ledger, logged with this caller phone (or none). */
  async function seedTicket(phone: string | null): Promise<string> {
    const ticketId = uniqueId('T');
    const receivedAt = new Date();
    await seedLedger(connection, [
      {
        ...answeredTicket(ticketId, receivedAt, {
          type: 'complaint',
          status: 'dispatched',
          disposition: { action: 'transfer', rule: '4.4' },
          handlerId: 'judge01',
          departmentId: 'civil',
          dispatchedAt: receivedAt,
          deadlines: { feedbackBy: new Date(DEADLINE) },
        }),
        workflowId: `ticket-${ticketId}`,
        ...(phone === null ? {} : { caller: { name: '张三', phone } }),
      },
    ]);
    return ticketId;
  }

  const receipt = (ticketId: string): Notice => ({
    key: `${ticketId}:caller_receipt:caller:first`,
    recipientId: 'caller',
    kind: 'caller_receipt',
    facts: { ticketId, typeLabel: '投诉举报', deadline: DEADLINE },
    sms: true,
    urgent: false,
  });

  const smsOf = (app: NestExpressApplication, ticketId: string) =>
    request(app.getHttpServer())
      .get(`/api/sms?ticketId=${encodeURIComponent(ticketId)}`)
      .set('Authorization', `Bearer ${supervisor}`)
      .expect(200)
      .then((res) => res.body.items as Record<string, unknown>[]);

  /** A delivery of its own on the apps' database, with a clock, provider and log to watch. */
  function delivery(deps: Partial<NotificationDeliveryDeps> = {}) {
    const lines: string[] = [];
    const own = new NotificationDelivery({
      storage: new Storage(connection),
      logger: { log: (m) => lines.push(m), warn: (m) => lines.push(m) },
      ...deps,
    });
    return { delivery: own, lines };
  }

  beforeAll(async () => {
    testEnv();
    process.env.MONGODB_URI = testDatabaseUri('caller_receipt');
    delete process.env.NOTIFY_CALLER_RECEIPT;
    on = await startApp({});
    off = await startApp({ NOTIFY_CALLER_RECEIPT: 'false' });
    connection = on.get<mongoose.Connection>(getConnectionToken());
    models = notificationModels(connection);
    supervisor = await on.get(TokenService).issue({
      id: 'supervisor01',
      name: '主管',
      roles: ['supervisor'],
      departmentId: null,
    });
  });

  afterAll(async () => {
    await on?.close();
    await off?.close();
    process.env = saved;
  });

  it('lands in the SMS outbox once, to the caller’s phone, with the ticket number and deadline; no in-app notice', async () => {
    const ticketId = await seedTicket('13912340001');
    const notice = receipt(ticketId);
    const appDelivery = on.get<NotificationDelivery>(NOTIFICATION_DELIVERY);
    await appDelivery.deliver(notice, null);
    await appDelivery.idle();

    const first = await smsOf(on, ticketId);
    expect(first).toEqual([
      expect.objectContaining({
        id: notice.key,
        recipientId: 'caller',
        ticketId,
        to: '13912340001',
        kind: 'caller_receipt',
        status: 'sent',
        provider: 'outbox',
      }),
    ]);
    const text = first[0]!.text as string;
    expect(text).toBe(
      `【12368诉讼服务平台】您反映的事项已登记，工单号${ticketId}，已转承办部门办理，承办人将于12月5日17:30前反馈办理情况。可致电12368查询。`,
    );
    expect(text).not.toContain('13912340001');

    // The same notice again (a retried activity, another process): nothing new.
    const { deliverNotices } = createNotificationActivities({
      storage: new Storage(connection),
      delivery: appDelivery,
    });
    await deliverNotices({ notices: [notice, notice], quietHours: null });
    await appDelivery.deliver(notice, null);
    await appDelivery.idle();
    expect(await smsOf(on, ticketId)).toEqual(first);
    expect(await models.sms.countDocuments({ ticketId })).toBe(1);

    // SMS only: no in-app notice to `caller`, none to anybody for this ticket.
    expect(await models.inbox.countDocuments({ recipientId: 'caller' })).toBe(0);
    expect(await models.inbox.countDocuments({ ticketId })).toBe(0);
    const inbox = await request(on.getHttpServer())
      .get('/api/notifications?recipientId=caller')
      .set('Authorization', `Bearer ${supervisor}`)
      .expect(200);
    expect(inbox.body.items).toEqual([]);
  });

  it('sends to the normal form of a mobile number written otherwise on the ledger', async () => {
    const ticketId = await seedTicket('+86 139-1234-0002');
    const appDelivery = on.get<NotificationDelivery>(NOTIFICATION_DELIVERY);
    await appDelivery.deliver(receipt(ticketId), null);
    await appDelivery.idle();
    expect((await smsOf(on, ticketId)).map((m) => [m.recipientId, m.to])).toEqual([
      ['caller', '13912340002'],
    ]);
  });

  it('NOTIFY_CALLER_RECEIPT=false: nothing stored, no error', async () => {
    const ticketId = await seedTicket('13912340003');
    const offDelivery = off.get<NotificationDelivery>(NOTIFICATION_DELIVERY);
    await expect(offDelivery.deliver(receipt(ticketId), null)).resolves.toBeUndefined();
    await offDelivery.idle();
    expect(await smsOf(off, ticketId)).toEqual([]);
    expect(await models.sms.countDocuments({ ticketId })).toBe(0);
    expect(await models.inbox.countDocuments({ ticketId })).toBe(0);

    // Other notices of that app still go out as before.
    const dispatch: Notice = {
      key: `${ticketId}:dispatch:group:agent:first`,
      recipientId: 'group:agent',
      kind: 'dispatch',
      facts: { ticketId, deadline: DEADLINE },
      sms: false,
      urgent: false,
    };
    await offDelivery.deliver(dispatch, null);
    expect(await models.inbox.countDocuments({ _id: dispatch.key })).toBe(1);
  });

  it('a ticket without a mobile phone (a landline, none, no ledger row) is skipped with a log line, no error', async () => {
    const landline = await seedTicket('0371-63211234');
    const none = await seedTicket(null);
    const empty = await seedTicket('');
    const missing = uniqueId('T');
    const appDelivery = on.get<NotificationDelivery>(NOTIFICATION_DELIVERY);
    const { delivery: watched, lines } = delivery();
    for (const ticketId of [landline, none, empty, missing]) {
      await expect(appDelivery.deliver(receipt(ticketId), null)).resolves.toBeUndefined();
      await expect(watched.deliver(receipt(ticketId), null)).resolves.toBeUndefined();
    }
    await appDelivery.idle();
    await watched.idle();
    for (const ticketId of [landline, none, empty, missing]) {
      expect(await smsOf(on, ticketId)).toEqual([]);
      expect(await models.inbox.countDocuments({ ticketId })).toBe(0);
      // no supervisors' alert either: nothing was tried
      expect(
        await models.inbox.countDocuments({ _id: `sms_failed:${receipt(ticketId).key}` }),
      ).toBe(0);
    }
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.includes('skipped'))).toBe(true);
    expect(lines[0]).toContain('0371-****1234');
    expect(lines.join('\n')).not.toContain('63211234');
    expect(lines[1]).toContain('no caller phone');
    expect(lines[3]).toContain('not in the ledger');
  });

  it('waits out the quiet hours (not urgent)', async () => {
    const ticketId = await seedTicket('13912340004');
    const dueLater: Date[] = [];
    const { delivery: night } = delivery({
      now: () => new Date('2026-12-02T15:00:00Z'), // 23:00 in Shanghai
      onDueLater: (at) => dueLater.push(at),
    });
    await night.deliver(receipt(ticketId), parseQuietHours('22:00-07:00') ?? null);
    const [held] = await smsOf(on, ticketId);
    expect(held).toMatchObject({ recipientId: 'caller', to: '13912340004', status: 'held' });
    expect(held!.sendAfter).toBe('2026-12-02T23:00:00.000Z');
    expect(dueLater).toEqual([new Date('2026-12-02T23:00:00Z')]);
  });

  it('a refusal for good tells the supervisors of “来电人”, never the number', async () => {
    const ticketId = await seedTicket('13912340005');
    const refusing: SmsProvider = {
      name: 'refusing',
      idempotent: false,
      async send() {
        throw new SmsProviderError('permanent', 'isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
      },
    };
    const { delivery: failing } = delivery({ provider: refusing });
    const notice = receipt(ticketId);
    await failing.deliver(notice, null);
    await failing.idle();
    expect((await smsOf(on, ticketId)).map((m) => m.status)).toEqual(['failed']);
    const alert = await models.inbox.findById(`sms_failed:${notice.key}`).lean();
    expect(alert).toMatchObject({ recipientId: 'group:supervisor', kind: 'sms_failed' });
    expect(alert!.text).toContain('发给来电人的');
    expect(alert!.text).not.toContain('13912340005');
  });
});
