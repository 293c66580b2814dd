import type { SmsRetryPolicy } from '@court/notifications';
import {
  AliyunSmsProvider,
  type Notice,
  NotificationDelivery,
  type NotificationDeliveryDeps,
  SmsReleaseScheduler,
} from '@court/notifications';
import mongoose from 'mongoose';
import { createNotificationActivities } from '../../activities';
import { directoryPersonModel, notificationModels, Storage } from '../../libs/database/src';
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
  busy: '13800138006',
  balance: '13800138007',
  suspended: '13800138008',
  sign: '13800138009',
  template: '13800138010',
};

/** Alibaba Cloud's answers for good (help.aliyun.com, 国内消息API错误码), by recipient. */
const PERMANENT: Record<string, { code: string; message: string }> = {
  [PHONES.invalid]: { code: 'isv.MOBILE_NUMBER_ILLEGAL', message: '非法手机号' },
  [PHONES.balance]: { code: 'isv.AMOUNT_NOT_ENOUGH', message: '账户余额不足' },
  [PHONES.suspended]: { code: 'isv.OUT_OF_SERVICE', message: '业务停机' },
  [PHONES.sign]: { code: 'isv.SMS_SIGNATURE_ILLEGAL', message: '签名不合法' },
  [PHONES.template]: { code: 'isv.SMS_TEMPLATE_ILLEGAL', message: '模板不合法' },
};

const FAST_RETRY: SmsRetryPolicy = { maxAttempts: 3, backoffMs: 100, maxBackoffMs: 400 };

describe('notification delivery (real database; Alibaba Cloud SDK against a local fake)', () => {
  let connection: mongoose.Connection;
  let models: ReturnType<typeof notificationModels>;
  let people: ReturnType<typeof directoryPersonModel>;
  let storage: Storage;
  let fake: FakeDysmsapi;
  let endpoint: string;
  const schedulers: SmsReleaseScheduler[] = [];

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

  /**
   * A notification process: its delivery, the activity on it, and (`withTimer`) the release
   * timer that retries after a back-off, as the app wires them.
   */
  function wire(
    deps: Partial<NotificationDeliveryDeps> = {},
    withTimer = false,
  ): {
    delivery: NotificationDelivery;
    deliverNotices: ReturnType<typeof createNotificationActivities>['deliverNotices'];
  } {
    let scheduler: SmsReleaseScheduler | undefined;
    const delivery = new NotificationDelivery({
      storage,
      onDueLater: (at) => scheduler?.arm(at),
      ...deps,
    });
    if (withTimer) {
      scheduler = new SmsReleaseScheduler(delivery);
      schedulers.push(scheduler);
    }
    const { deliverNotices } = createNotificationActivities({ storage, delivery });
    return { delivery, deliverNotices };
  }

  const supervisorAlerts = (key: string) => models.inbox.find({ _id: `sms_failed:${key}` }).lean();

  beforeAll(async () => {
    // A database of this file's own: the release sweep of a notification app started by
    // another test file (same run) must not pick up the messages held or claimed here.
    connection = await mongoose.createConnection(testDatabaseUri('delivery')).asPromise();
    models = notificationModels(connection);
    people = directoryPersonModel(connection);
    storage = new Storage(connection);
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
      const permanent = PERMANENT[call.phone];
      if (permanent) return permanent;
      if (call.phone === PHONES.throttled) {
        // throttled twice per key, then accepted
        return fake.callsFor(call.outId!).length <= 2
          ? { code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发小时级流控Permits:5' }
          : { code: 'OK' };
      }
      if (call.phone === PHONES.busy) {
        return { code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发天级流控Permits:10' };
      }
      if (call.phone === PHONES.hangs) return { hangMs: 1_500 };
      if (call.phone === PHONES.slow) return { hangMs: 300 };
      return { code: 'OK' };
    });
    endpoint = await fake.start();
  });

  afterEach(() => {
    for (const scheduler of schedulers.splice(0)) scheduler.stop();
  });

  afterAll(async () => {
    await fake.stop();
    await connection.dropDatabase();
    await connection.close();
  });

  it('outbox provider: the same notice delivered twice (and twice at once) is stored and sent once', async () => {
    const { delivery, deliverNotices } = wire();
    const n = notice('sms-ok');
    await deliverNotices({ notices: [n], quietHours: null });
    await deliverNotices({ notices: [n], quietHours: null });
    await Promise.all([1, 2, 3].map(() => deliverNotices({ notices: [n], quietHours: null })));
    await delivery.idle();
    expect(await models.inbox.countDocuments({ _id: n.key })).toBe(1);
    const sms = await models.sms.find({ _id: n.key }).lean();
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ status: 'sent', to: PHONES.ok, provider: 'outbox' });
    // the outbox: storing under the unique key is the send, no claim needed
    expect(await models.claims.countDocuments({ smsId: n.key })).toBe(0);
  });

  it('Alibaba Cloud: accepted once per key even when the activity runs twice (OutId = key)', async () => {
    const { delivery, deliverNotices } = wire({ provider: aliyun() });
    const n = notice('sms-ok');
    await deliverNotices({ notices: [n], quietHours: null });
    await deliverNotices({ notices: [n], quietHours: null });
    await Promise.all([1, 2].map(() => deliverNotices({ notices: [n], quietHours: null })));
    await delivery.idle();
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
    expect(stored).toMatchObject({ status: 'sent', provider: 'aliyun', attempts: 0 });
    expect(stored!.providerMessageId).toMatch(/^biz-/);
  });

  it('Alibaba Cloud: three processes delivering the same notice at once call the provider once', async () => {
    const n = notice('sms-slow');
    const processes = [1, 2, 3].map(() => wire({ provider: aliyun() }));
    await Promise.all(processes.map((p) => p.deliverNotices({ notices: [n], quietHours: null })));
    await processes[0]!.deliverNotices({ notices: [n], quietHours: null });
    await Promise.all(processes.map((p) => p.delivery.idle()));
    expect(fake.callsFor(n.key)).toHaveLength(1);
    expect(await models.sms.findById(n.key).lean()).toMatchObject({ status: 'sent' });
  });

  it('the activity never waits on the provider: it returns at once, in-app stored, while SMS hang or are refused', async () => {
    const { delivery, deliverNotices } = wire({ provider: aliyun(), retry: FAST_RETRY }, true);
    const notices = [notice('sms-hangs'), notice('sms-busy'), notice('sms-ok')];
    const started = Date.now();
    await expect(deliverNotices({ notices, quietHours: null })).resolves.toBe(3);
    const took = Date.now() - started;
    // the hanging call alone takes 1.5 s; the activity is done well before
    expect(took).toBeLessThan(1_000);
    expect(await models.inbox.countDocuments({ _id: { $in: notices.map((n) => n.key) } })).toBe(3);
    const stored = await models.sms.find({ _id: { $in: notices.map((n) => n.key) } }).lean();
    expect(stored).toHaveLength(3);
    await delivery.idle();
    expect(await models.sms.findById(notices[2]!.key).lean()).toMatchObject({ status: 'sent' });
    console.log(`deliverNotices with a hanging and a refusing provider: ${took} ms`);
  });

  it('refused for now (throttling): retried by the service with back-off until accepted, sent once', async () => {
    const { delivery, deliverNotices } = wire({ provider: aliyun(), retry: FAST_RETRY }, true);
    const throttled = notice('sms-throttled');
    const fine = notice('sms-ok');
    await expect(deliverNotices({ notices: [throttled, fine], quietHours: null })).resolves.toBe(2);
    await delivery.idle();
    const waiting = await models.sms.findById(throttled.key).lean();
    expect(waiting).toMatchObject({
      status: 'queued',
      attempts: 1,
      providerCode: 'isv.BUSINESS_LIMIT_CONTROL',
    });
    expect(waiting!.sendAfter!.getTime()).toBeGreaterThan(waiting!.createdAt.getTime());
    expect(waiting!.reason).toContain('第1次发送被拒');
    await eventually(
      async () => {
        expect(await models.sms.findById(throttled.key).lean()).toMatchObject({ status: 'sent' });
      },
      'throttled SMS accepted on the third call',
      15_000,
    );
    expect(fake.callsFor(throttled.key)).toHaveLength(3); // refused, refused, accepted
    expect(fake.callsFor(fine.key)).toHaveLength(1);
    expect(await models.sms.findById(throttled.key).lean()).toMatchObject({ attempts: 2 });
    // a retried activity changes nothing
    await deliverNotices({ notices: [throttled, fine], quietHours: null });
    await delivery.idle();
    expect(fake.callsFor(throttled.key)).toHaveLength(3);
    expect(await supervisorAlerts(throttled.key)).toHaveLength(0);
  });

  it('retries are bounded: still refused after SMS_MAX_ATTEMPTS calls → failed with the reason, supervisors told once', async () => {
    const { deliverNotices } = wire({ provider: aliyun(), retry: FAST_RETRY }, true);
    const n = notice('sms-busy');
    await deliverNotices({ notices: [n], quietHours: null });
    const failed = await eventually(
      async () => {
        const stored = await models.sms.findById(n.key).lean();
        if (stored?.status !== 'failed') throw new Error(`status ${stored?.status}`);
        return stored;
      },
      'SMS failed after its last attempt',
      20_000,
    );
    expect(fake.callsFor(n.key)).toHaveLength(FAST_RETRY.maxAttempts);
    expect(failed).toMatchObject({
      attempts: 3,
      providerCode: 'isv.BUSINESS_LIMIT_CONTROL',
    });
    expect(failed.reason).toContain('已发送3次均被拒绝');
    expect(failed.failure).toMatch(/^transient: isv\.BUSINESS_LIMIT_CONTROL/);
    const told = await supervisorAlerts(n.key);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ recipientId: 'group:supervisor', kind: 'sms_failed' });
    expect(told[0]!.text).toContain('isv.BUSINESS_LIMIT_CONTROL');
    // and nothing more is tried
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(fake.callsFor(n.key)).toHaveLength(FAST_RETRY.maxAttempts);
  });

  it.each([
    ['invalid', 'isv.MOBILE_NUMBER_ILLEGAL', '手机号码'],
    ['balance', 'isv.AMOUNT_NOT_ENOUGH', '余额不足'],
    ['suspended', 'isv.OUT_OF_SERVICE', '停机'],
    ['sign', 'isv.SMS_SIGNATURE_ILLEGAL', '签名'],
    ['template', 'isv.SMS_TEMPLATE_ILLEGAL', '模板'],
  ])(
    'refused for good (%s, %s): failed at once, never retried, supervisors told once',
    async (who, code, words) => {
      const { delivery, deliverNotices } = wire({ provider: aliyun(), retry: FAST_RETRY }, true);
      const n = notice(`sms-${who}`);
      await expect(deliverNotices({ notices: [n], quietHours: null })).resolves.toBe(1);
      await delivery.idle();
      await deliverNotices({ notices: [n], quietHours: null });
      await delivery.idle();
      const stored = await models.sms.findById(n.key).lean();
      expect(stored).toMatchObject({ status: 'failed', providerCode: code, attempts: 0 });
      expect(stored!.failure).toContain(`permanent: ${code}`);
      expect(stored!.reason).toContain(words);
      const told = await supervisorAlerts(n.key);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ recipientId: 'group:supervisor', kind: 'sms_failed' });
      expect(told[0]!.text).toContain(`测试${who}`);
      expect(told[0]!.text).toContain(code);
      expect(told[0]!.text).not.toContain(PHONES[who as keyof typeof PHONES]);
      // the in-app notice to the recipient was stored all the same
      expect(await models.inbox.countDocuments({ _id: n.key })).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fake.callsFor(n.key)).toHaveLength(1);
    },
  );

  it('no phone in the directory: failed, told to supervisors', async () => {
    const { delivery, deliverNotices } = wire({ provider: aliyun() });
    const n = notice('sms-nophone');
    await deliverNotices({ notices: [n], quietHours: null });
    await deliverNotices({ notices: [n], quietHours: null });
    await delivery.idle();
    expect(await models.sms.findById(n.key).lean()).toMatchObject({
      status: 'failed',
      to: null,
      reason: '通讯录中无此人手机号',
    });
    expect(await models.inbox.countDocuments({ _id: `sms_failed:${n.key}` })).toBe(1);
  });

  it('a send interrupted after the claim is not repeated with Alibaba Cloud (at most once): unknown', async () => {
    // The provider answers after the client gave up: the outcome is in doubt.
    const { delivery, deliverNotices } = wire({ provider: aliyun(300), staleClaimMs: 0 });
    const n = notice('sms-hangs');
    await deliverNotices({ notices: [n], quietHours: null });
    await delivery.idle();
    await deliverNotices({ notices: [n], quietHours: null });
    await delivery.idle();
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
      const { delivery } = wire({ provider, staleClaimMs: 1_000 });
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
        claimedAt: new Date(Date.now() - 60_000),
      });
      await models.claims.create({
        _id: `${n.key}#0`,
        smsId: n.key,
        attempt: 0,
        claimedBy: 'a-dead-worker',
        claimedAt: new Date(Date.now() - 60_000),
      });
      expect(await delivery.dueForRelease()).toContain(n.key);
      await expect(delivery.dispatch(n.key)).resolves.toBe(expected);
      expect(fake.callsFor(n.key)).toHaveLength(0);
    }
  });

  it('stored but never sent (the process died right after the activity): the release sweep sends it', async () => {
    const n = notice('sms-ok');
    // what a process leaves behind when it dies between storing and its send queue
    await models.sms.create({
      _id: n.key,
      to: PHONES.ok,
      recipientId: 'sms-ok',
      ticketId: n.facts.ticketId,
      kind: 'dispatch',
      text: '…',
      status: 'queued',
      sendAfter: null,
      failure: null,
      createdAt: new Date(),
      attempts: 0,
    });
    const { delivery } = wire({ provider: aliyun() });
    const scheduler = new SmsReleaseScheduler(delivery);
    schedulers.push(scheduler);
    await scheduler.start();
    expect(await models.sms.findById(n.key).lean()).toMatchObject({ status: 'sent' });
    expect(fake.callsFor(n.key)).toHaveLength(1);
    scheduler.stop();
  });

  it('quiet hours: SMS held (in-app not), escalations at once, released by one timer when they end', async () => {
    const quiet = parseQuietHours('22:00-07:00')!;
    const night = new Date('2026-11-28T23:30:00+08:00');
    const { delivery, deliverNotices } = wire({ provider: aliyun(), now: () => night });
    const held = notice('sms-ok');
    const urgent = notice('sms-ok', { kind: 'escalation', urgent: true });
    urgent.key = `${urgent.facts.ticketId}:escalation:sms-ok:l1`;
    await deliverNotices({ notices: [held, urgent], quietHours: quiet });
    await delivery.idle();

    expect(await models.inbox.countDocuments({ _id: { $in: [held.key, urgent.key] } })).toBe(2);
    const stored = await models.sms.findById(held.key).lean();
    expect(stored).toMatchObject({ status: 'held' });
    expect(stored!.sendAfter!.toISOString()).toBe('2026-11-28T23:00:00.000Z'); // 07:00 Shanghai
    expect(await models.sms.findById(urgent.key).lean()).toMatchObject({ status: 'sent' });
    expect(fake.callsFor(held.key)).toHaveLength(0);
    expect(fake.callsFor(urgent.key)).toHaveLength(1);
    // a retried activity does not send the held SMS either
    await deliverNotices({ notices: [held, urgent], quietHours: quiet });
    await delivery.idle();
    expect(fake.callsFor(held.key)).toHaveLength(0);

    // The quiet hours end in 1.5 s (moved in the database: the real 07:00 is hours away).
    await models.sms.updateOne(
      { _id: held.key },
      { $set: { sendAfter: new Date(Date.now() + 1_500) } },
    );
    const realTime = new NotificationDelivery({ storage, provider: aliyun() });
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

  it('in-app notices get unique clock-based sequence numbers under concurrency', async () => {
    const deliveries = [1, 2, 3].map(() => new NotificationDelivery({ storage }));
    const notices = Array.from({ length: 30 }, () => notice('group:agent', { sms: false }));
    const before = Date.now();
    await Promise.all(
      notices.map((n, i) =>
        createNotificationActivities({
          storage,
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
    expect(seqs.every((s) => Number.isSafeInteger(s) && s >= before * 1000)).toBe(true);
  });
});
