import { ApplicationFailure } from '@temporalio/common';
import mongoose from 'mongoose';
import {
  createNotificationActivities,
  type Notice,
  NotificationDelivery,
  SmsReleaseScheduler,
} from '../../activities';
import { AliyunSmsProvider } from '../../activities/notifications/sms/aliyun-sms.provider';
import { directoryPersonModel, notificationModels } from '../../libs/database/src';
import { parseQuietHours } from '../../libs/domain/src';
import { FakeDysmsapi } from '../support/aliyun-sms-fake';
import { eventually } from '../support/temporal-harness';
import { testDatabaseUri, uniqueId } from '../support/test-env';

const PHONES = {
  ok: '13800138001',
  invalid: '13800138002',
  throttled: '13800138003',
  hangs: '13800138004',
  slow: '13800138005',
};

describe('notification delivery (real database; Alibaba Cloud SDK against a local fake)', () => {
  let connection: mongoose.Connection;
  let models: ReturnType<typeof notificationModels>;
  let people: ReturnType<typeof directoryPersonModel>;
  let fake: FakeDysmsapi;
  let endpoint: string;

  const notice = (recipientId: string, overrides: Partial<Notice> = {}): Notice => {
    const ticketId = uniqueId('T');
    return {
      key: `${ticketId}:dispatch:${recipientId}:first`,
      recipientId,
      kind: 'dispatch',
      facts: { ticketId, typeLabel: '投诉举报', deadline: '2026-12-01T09:00:00+08:00' },
      sms: true,
      urgent: false,
      ...overrides,
    };
  };

  const aliyun = (timeoutMs = 2_000) =>
    new AliyunSmsProvider({
      accessKeyId: 'test-key-id',
      accessKeySecret: 'test-key-secret',
      endpoint,
      protocol: 'http',
      signName: '某某法院',
      templateCodes: { dispatch: 'SMS_100001', escalation: 'SMS_100002' },
      timeoutMs,
    });

  beforeAll(async () => {
    // A database of this file's own: the release sweep of a notification app started by
    // another test file (same run) must not pick up the messages held or claimed here.
    connection = await mongoose.createConnection(testDatabaseUri('delivery')).asPromise();
    models = notificationModels(connection);
    people = directoryPersonModel(connection);
    await people.bulkWrite(
      Object.entries(PHONES).map(([name, phone]) => ({
        updateOne: {
          filter: { _id: `sms-${name}` },
          update: { $set: { name: `测试${name}`, role: 'handler', departmentId: null, phone } },
          upsert: true,
        },
      })),
    );
    await people.updateOne(
      { _id: 'sms-nophone' },
      { $set: { name: '无号码', role: 'handler', departmentId: null, phone: null } },
      { upsert: true },
    );
    fake = new FakeDysmsapi('test-key-id', (call) => {
      if (call.phone === PHONES.invalid) {
        return { code: 'isv.MOBILE_NUMBER_ILLEGAL', message: '非法手机号' };
      }
      if (call.phone === PHONES.throttled) {
        // throttled twice per key, then accepted
        return fake.callsFor(call.outId!).length <= 2
          ? { code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发小时级流控Permits:5' }
          : { code: 'OK' };
      }
      if (call.phone === PHONES.hangs) return { hangMs: 1_500 };
      if (call.phone === PHONES.slow) return { hangMs: 300 };
      return { code: 'OK' };
    });
    endpoint = await fake.start();
  });

  afterAll(async () => {
    await fake.stop();
    await connection.dropDatabase();
    await connection.close();
  });

  it('outbox provider: the same notice delivered twice (and twice at once) is stored and sent once', async () => {
    const { deliverNotices } = createNotificationActivities({ models, people });
    const n = notice('sms-ok');
    await deliverNotices({ notices: [n], quietHours: null });
    await deliverNotices({ notices: [n], quietHours: null });
    await Promise.all([1, 2, 3].map(() => deliverNotices({ notices: [n], quietHours: null })));
    expect(await models.inbox.countDocuments({ _id: n.key })).toBe(1);
    const sms = await models.sms.find({ _id: n.key }).lean();
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ status: 'sent', to: PHONES.ok, provider: 'outbox' });
    // the outbox: storing under the unique key is the send, no claim needed
    expect(await models.claims.countDocuments({ smsId: n.key })).toBe(0);
  });

  it('Alibaba Cloud: accepted once per key even when the activity runs twice (OutId = key)', async () => {
    const { deliverNotices } = createNotificationActivities({ models, people, provider: aliyun() });
    const n = notice('sms-ok');
    await deliverNotices({ notices: [n], quietHours: null });
    await deliverNotices({ notices: [n], quietHours: null });
    await Promise.all([1, 2].map(() => deliverNotices({ notices: [n], quietHours: null })));
    const calls = fake.callsFor(n.key);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      phone: PHONES.ok,
      templateCode: 'SMS_100001',
      signName: '某某法院',
    });
    expect(calls[0]!.params).toMatchObject({ ticket: n.facts.ticketId, type: '投诉举报' });
    expect(calls[0]!.params.link).toContain(`/tickets/${n.facts.ticketId}`);
    const stored = await models.sms.findById(n.key).lean();
    expect(stored).toMatchObject({ status: 'sent', provider: 'aliyun' });
    expect(stored!.providerMessageId).toMatch(/^biz-/);
  });

  it('Alibaba Cloud: three workers delivering the same notice at once call the provider once', async () => {
    const n = notice('sms-slow');
    const workers = [1, 2, 3].map(() =>
      createNotificationActivities({
        models,
        people,
        delivery: new NotificationDelivery({ models, people, provider: aliyun() }),
      }),
    );
    await Promise.all(workers.map((w) => w.deliverNotices({ notices: [n], quietHours: null })));
    await workers[0]!.deliverNotices({ notices: [n], quietHours: null });
    expect(fake.callsFor(n.key)).toHaveLength(1);
    expect(await models.sms.findById(n.key).lean()).toMatchObject({ status: 'sent' });
  });

  it('Alibaba Cloud throttling: a retryable failure, retried until accepted, sent once', async () => {
    const { deliverNotices } = createNotificationActivities({ models, people, provider: aliyun() });
    const throttled = notice('sms-throttled');
    const fine = notice('sms-ok');
    const input = { notices: [throttled, fine], quietHours: null };
    for (const _ of [1, 2]) {
      const error = await deliverNotices(input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApplicationFailure);
      expect(error).toMatchObject({ type: 'SmsTransientFailure', nonRetryable: false });
    }
    await expect(deliverNotices(input)).resolves.toBe(2);
    await expect(deliverNotices(input)).resolves.toBe(2);
    expect(fake.callsFor(throttled.key)).toHaveLength(3); // refused, refused, accepted
    expect(fake.callsFor(fine.key)).toHaveLength(1); // the rest of the batch went the first time
    expect(await models.sms.findById(throttled.key).lean()).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });

  it('Alibaba Cloud invalid number: failed with the reason, told to supervisors, never retried', async () => {
    const { deliverNotices } = createNotificationActivities({ models, people, provider: aliyun() });
    const n = notice('sms-invalid');
    await expect(deliverNotices({ notices: [n], quietHours: null })).resolves.toBe(1);
    await expect(deliverNotices({ notices: [n], quietHours: null })).resolves.toBe(1);
    expect(fake.callsFor(n.key)).toHaveLength(1);
    const stored = await models.sms.findById(n.key).lean();
    expect(stored).toMatchObject({ status: 'failed' });
    expect(stored!.failure).toContain('isv.MOBILE_NUMBER_ILLEGAL');
    const told = await models.inbox.find({ _id: `sms_failed:${n.key}` }).lean();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ recipientId: 'group:supervisor', kind: 'sms_failed' });
    expect(told[0]!.text).toContain('测试invalid');
    expect(told[0]!.text).not.toContain(PHONES.invalid);
    // the in-app notice to the recipient was stored all the same
    expect(await models.inbox.countDocuments({ _id: n.key })).toBe(1);
  });

  it('no phone in the directory: failed, told to supervisors', async () => {
    const { deliverNotices } = createNotificationActivities({ models, people, provider: aliyun() });
    const n = notice('sms-nophone');
    await deliverNotices({ notices: [n], quietHours: null });
    expect(await models.sms.findById(n.key).lean()).toMatchObject({ status: 'failed', to: null });
    expect(await models.inbox.countDocuments({ _id: `sms_failed:${n.key}` })).toBe(1);
  });

  it('a send interrupted after the claim is not repeated with Alibaba Cloud (at most once): unknown', async () => {
    // The provider answers after the client gave up: the outcome is in doubt.
    const delivery = new NotificationDelivery({
      models,
      people,
      provider: aliyun(300),
      staleClaimMs: 0,
    });
    const { deliverNotices } = createNotificationActivities({ models, people, delivery });
    const n = notice('sms-hangs');
    await deliverNotices({ notices: [n], quietHours: null });
    await deliverNotices({ notices: [n], quietHours: null });
    expect(fake.callsFor(n.key)).toHaveLength(1);
    const stored = await models.sms.findById(n.key).lean();
    expect(stored!.status).toBe('unknown');
    expect(stored!.failure).toMatch(/^in_doubt/);
    expect(await models.inbox.countDocuments({ _id: `sms_failed:${n.key}` })).toBe(1);
  });

  it('a claim left by a crashed sender: the outbox provider (idempotent) sends; Alibaba Cloud does not', async () => {
    for (const [provider, expected] of [
      [undefined, 'sent'],
      [aliyun(), 'unknown'],
    ] as const) {
      const n = notice('sms-ok');
      const delivery = new NotificationDelivery({ models, people, provider, staleClaimMs: 1_000 });
      // a worker claimed the send a minute ago and died before calling the provider
      await models.sms.create({
        _id: n.key,
        to: PHONES.ok,
        recipientId: 'sms-ok',
        ticketId: n.facts.ticketId,
        kind: 'dispatch',
        text: '…',
        status: 'sending',
        sendAfter: null,
        failure: null,
        createdAt: new Date(Date.now() - 60_000),
        attempts: 0,
      });
      await models.claims.create({
        _id: `${n.key}#0`,
        smsId: n.key,
        attempt: 0,
        claimedBy: 'a-dead-worker',
        claimedAt: new Date(Date.now() - 60_000),
      });
      await expect(delivery.dispatch(n.key, 'activity')).resolves.toBe(expected);
      expect(fake.callsFor(n.key)).toHaveLength(0);
    }
  });

  it('quiet hours: SMS held (in-app not), escalations at once, released by one timer when they end', async () => {
    const quiet = parseQuietHours('22:00-07:00')!;
    const night = new Date('2026-11-28T23:30:00+08:00');
    const delivery = new NotificationDelivery({
      models,
      people,
      provider: aliyun(),
      now: () => night,
    });
    const { deliverNotices } = createNotificationActivities({ models, people, delivery });
    const held = notice('sms-ok');
    const urgent = notice('sms-ok', { kind: 'escalation', urgent: true });
    urgent.key = `${urgent.facts.ticketId}:escalation:sms-ok:l1`;
    await deliverNotices({ notices: [held, urgent], quietHours: quiet });

    expect(await models.inbox.countDocuments({ _id: { $in: [held.key, urgent.key] } })).toBe(2);
    const stored = await models.sms.findById(held.key).lean();
    expect(stored).toMatchObject({ status: 'held' });
    expect(stored!.sendAfter!.toISOString()).toBe('2026-11-28T23:00:00.000Z'); // 07:00 Shanghai
    expect(await models.sms.findById(urgent.key).lean()).toMatchObject({ status: 'sent' });
    expect(fake.callsFor(held.key)).toHaveLength(0);
    expect(fake.callsFor(urgent.key)).toHaveLength(1);
    // a retried activity does not send the held SMS either
    await deliverNotices({ notices: [held, urgent], quietHours: quiet });
    expect(fake.callsFor(held.key)).toHaveLength(0);

    // The quiet hours end in 1.5 s (moved in the database: the real 07:00 is hours away).
    await models.sms.updateOne(
      { _id: held.key },
      { $set: { sendAfter: new Date(Date.now() + 1_500) } },
    );
    const realTime = new NotificationDelivery({ models, people, provider: aliyun() });
    const scheduler = new SmsReleaseScheduler(realTime);
    await scheduler.start();
    try {
      const armed = scheduler.nextFireAt()!;
      expect(armed - Date.now()).toBeGreaterThan(500);
      expect(armed - Date.now()).toBeLessThan(2_000);
      expect(await models.sms.findById(held.key).lean()).toMatchObject({ status: 'held' });
      // the timer fires at ~1.5 s; the release itself may take a while on a loaded machine
      await eventually(
        async () => {
          expect(await models.sms.findById(held.key).lean()).toMatchObject({ status: 'sent' });
        },
        'held SMS released',
        10_000,
      );
      expect(fake.callsFor(held.key)).toHaveLength(1);
      expect(scheduler.passCount()).toBeLessThanOrEqual(3); // one timer, not a polling loop
    } finally {
      scheduler.stop();
    }
  });

  it('in-app notices get strictly increasing sequence numbers under concurrency', async () => {
    const deliveries = [1, 2, 3].map(() => new NotificationDelivery({ models, people }));
    const notices = Array.from({ length: 30 }, () => notice('group:agent', { sms: false }));
    await Promise.all(
      notices.map((n, i) =>
        createNotificationActivities({
          models,
          people,
          delivery: deliveries[i % 3],
        }).deliverNotices({
          notices: [n],
          quietHours: null,
        }),
      ),
    );
    const stored = await models.inbox.find({ _id: { $in: notices.map((n) => n.key) } }).lean();
    expect(stored).toHaveLength(30);
    const seqs = stored.map((n) => n.seq!);
    expect(new Set(seqs).size).toBe(30);
    expect(seqs.every((s) => Number.isInteger(s) && s > 0)).toBe(true);
  });
});
