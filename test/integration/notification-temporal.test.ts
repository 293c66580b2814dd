import {
  AliyunSmsProvider,
  type Notice,
  NotificationDelivery,
  SmsReleaseScheduler,
} from '@court/notifications';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import { createNotificationActivities } from '../../activities';
import { directoryPersonModel, notificationModels, Storage } from '../../libs/database/src';
import { FakeDysmsapi } from '../support/aliyun-sms-fake';
import { eventually, testDataConverter } from '../support/temporal-harness';
import { testDatabaseUri, testEnv, uniqueId } from '../support/test-env';

/**
 * `deliverNotices` on a real worker on the dev server, Alibaba Cloud SDK against the local
 * fake: the activity completes on its first attempt whatever the provider says (Temporal never
 * retries it for an SMS); throttling is retried by the service's release timer with back-off
 * until accepted; an invalid number is recorded and not retried at all.
 */
describe('deliverNotices under Temporal retries (Alibaba Cloud fake)', () => {
  const env = testEnv();
  const taskQueue = uniqueId('notifications-probe');
  let database: mongoose.Connection;
  let fake: FakeDysmsapi;
  let client: Client;
  let connection: Connection;
  let native: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let scheduler: SmsReleaseScheduler;

  beforeAll(async () => {
    database = await mongoose.createConnection(testDatabaseUri('temporal')).asPromise();
    const people = directoryPersonModel(database);
    await people.create([
      { _id: 'probe-ok', name: '可达', role: 'handler', departmentId: null, phone: '13900139001' },
      { _id: 'probe-bad', name: '空号', role: 'handler', departmentId: null, phone: '13900139002' },
      {
        _id: 'probe-busy',
        name: '限流',
        role: 'handler',
        departmentId: null,
        phone: '13900139003',
      },
    ]);
    fake = new FakeDysmsapi('probe-key', (call) => {
      if (call.phone === '13900139002') return { code: 'isv.MOBILE_NUMBER_ILLEGAL' };
      if (call.phone === '13900139003' && fake.callsFor(call.outId!).length <= 2) {
        return { code: 'isv.BUSINESS_LIMIT_CONTROL' };
      }
      return { code: 'OK' };
    });
    const endpoint = await fake.start();
    connection = await Connection.connect({ address: env.temporalAddress });
    client = new Client({
      connection,
      namespace: env.namespace,
      dataConverter: testDataConverter(),
    });
    native = await NativeConnection.connect({ address: env.temporalAddress });
    // the service's wiring: one delivery, its release timer retries what the provider refused
    const storage = new Storage(database);
    const delivery: NotificationDelivery = new NotificationDelivery({
      storage,
      provider: new AliyunSmsProvider({
        accessKeyId: 'probe-key',
        accessKeySecret: 'probe-secret',
        endpoint,
        protocol: 'http',
        signName: '某某法院',
        templateCodes: { dispatch: 'SMS_1' },
        timeoutMs: 2_000,
      }),
      retry: { maxAttempts: 5, backoffMs: 200, maxBackoffMs: 1_000 },
      onDueLater: (at) => scheduler.arm(at),
    });
    scheduler = new SmsReleaseScheduler(delivery);
    worker = await Worker.create({
      connection: native,
      namespace: env.namespace,
      dataConverter: testDataConverter(),
      taskQueue,
      workflowsPath: require.resolve('../support/sms-probe.workflow'),
      activities: createNotificationActivities({ storage, delivery }),
    });
    running = worker.run();
  }, 60_000);

  afterAll(async () => {
    scheduler?.stop();
    worker?.shutdown();
    await running;
    await native?.close();
    await connection?.close();
    await fake.stop();
    await database.dropDatabase();
    await database.close();
  });

  const notice = (recipientId: string): Notice => {
    const ticketId = uniqueId('T');
    return {
      key: `${ticketId}:dispatch:${recipientId}:first`,
      recipientId,
      kind: 'dispatch',
      facts: { ticketId, deadline: new Date().toISOString() },
      sms: true,
      urgent: false,
    };
  };

  async function attemptsOf(workflowId: string): Promise<number[]> {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? [])
      .filter((e) => e.activityTaskStartedEventAttributes)
      .map((e) => e.activityTaskStartedEventAttributes!.attempt ?? 0);
  }

  it('throttled twice, then accepted: the activity ran once; the service retried the SMS; the provider accepted once', async () => {
    const busy = notice('probe-busy');
    const ok = notice('probe-ok');
    const workflowId = uniqueId('probe');
    const result = await client.workflow.execute('smsProbeWorkflow', {
      workflowId,
      taskQueue,
      args: [{ taskQueue, batch: { notices: [busy, ok], quietHours: null } }],
    });
    expect(result).toBe(2);
    expect(await attemptsOf(workflowId)).toEqual([1]); // no Temporal retry
    const models = notificationModels(database);
    expect(await models.inbox.countDocuments({ _id: { $in: [busy.key, ok.key] } })).toBe(2);
    await eventually(
      async () => {
        expect(await models.sms.findById(busy.key).lean()).toMatchObject({ status: 'sent' });
      },
      'throttled SMS sent by the release timer',
      15_000,
    );
    expect(fake.callsFor(busy.key)).toHaveLength(3);
    expect(fake.callsFor(ok.key)).toHaveLength(1);
  }, 60_000);

  it('invalid number: one provider call, recorded failed, the activity not retried', async () => {
    const bad = notice('probe-bad');
    const workflowId = uniqueId('probe');
    await client.workflow.execute('smsProbeWorkflow', {
      workflowId,
      taskQueue,
      args: [{ taskQueue, batch: { notices: [bad], quietHours: null } }],
    });
    expect(await attemptsOf(workflowId)).toEqual([1]);
    const models = notificationModels(database);
    const stored = await eventually(async () => {
      const sms = await models.sms.findById(bad.key).lean();
      if (sms?.status !== 'failed') throw new Error(`status ${sms?.status}`);
      return sms;
    }, 'SMS failed');
    expect(fake.callsFor(bad.key)).toHaveLength(1);
    expect(stored).toMatchObject({ providerCode: 'isv.MOBILE_NUMBER_ILLEGAL' });
    expect(stored.failure).toContain('isv.MOBILE_NUMBER_ILLEGAL');
    await eventually(async () => {
      expect(await models.inbox.countDocuments({ _id: `sms_failed:${bad.key}` })).toBe(1);
    }, 'supervisors told');
  }, 60_000);
});
