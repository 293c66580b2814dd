import type { Notice, NotificationDelivery } from '@court/notifications';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { NotificationModule } from '../../apps/notification/src/notification.module';
import {
  NOTIFICATION_DELIVERY,
  SmsReleaseTimer,
} from '../../apps/notification/src/notification.providers';
import { NOTIFICATION_WORKER } from '../../apps/notification/src/notification-worker.provider';
import { TokenService } from '../../libs/auth/src';
import { configureHttpApp } from '../../libs/common/src';
import { directoryPersonModel } from '../../libs/database/src';
import { FakeDysmsapi } from '../support/aliyun-sms-fake';
import { testEnv, uniqueId } from '../support/test-env';

/**
 * The notification app configured by env for Alibaba Cloud (SMS_PROVIDER=aliyun, endpoint the
 * local fake): a permanent refusal shows as `failed` with its reason and the provider's code in
 * GET /api/sms, and in the supervisors' inbox. The app's activity worker and release timer are left out here, so
 * that other test files' workflows in this run keep the outbox provider.
 */
describe('notification app with SMS_PROVIDER=aliyun (local fake)', () => {
  let app: NestExpressApplication;
  let fake: FakeDysmsapi;
  let delivery: NotificationDelivery;
  let supervisor: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    testEnv();
    fake = new FakeDysmsapi('app-key-id', (call) =>
      call.phone === '13700137002'
        ? { code: 'isv.MOBILE_NUMBER_ILLEGAL', message: '非法手机号' }
        : call.phone === '13700137003'
          ? { code: 'isv.AMOUNT_NOT_ENOUGH', message: '账户余额不足' }
          : { code: 'OK' },
    );
    const endpoint = await fake.start();
    Object.assign(process.env, {
      SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ACCESS_KEY_ID: 'app-key-id',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'app-key-secret',
      ALIYUN_SMS_SIGN_NAME: '某某法院',
      ALIYUN_SMS_TEMPLATE_CODES: 'dispatch=SMS_500001,red_light=SMS_500002',
      ALIYUN_SMS_ENDPOINT: endpoint,
      ALIYUN_SMS_PROTOCOL: 'http',
      PUBLIC_BASE_URL: 'https://court.example/12368',
    });
    const moduleRef = await Test.createTestingModule({ imports: [NotificationModule] })
      .overrideProvider(NOTIFICATION_WORKER)
      .useValue({})
      .overrideProvider(SmsReleaseTimer) // nor its sweep of the run's shared database
      .useValue({})
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: false,
    });
    configureHttpApp(app, 'test');
    await app.init();
    delivery = app.get(NOTIFICATION_DELIVERY);
    await directoryPersonModel(app.get(getConnectionToken())).create([
      { _id: 'app-ok', name: '甲', role: 'handler', departmentId: null, phone: '13700137001' },
      { _id: 'app-bad', name: '乙', role: 'handler', departmentId: null, phone: '13700137002' },
      { _id: 'app-broke', name: '丙', role: 'handler', departmentId: null, phone: '13700137003' },
    ]);
    supervisor = await app.get(TokenService).issue({
      id: 'supervisor01',
      name: '主管',
      roles: ['supervisor'],
      departmentId: null,
    });
  });

  afterAll(async () => {
    await app.close();
    await fake.stop();
    process.env = saved;
  });

  it('sends through the fake; an invalid number is failed with the reason, for supervisors to see', async () => {
    expect(delivery.provider.name).toBe('aliyun');
    const ticketId = uniqueId('T');
    const notices: Notice[] = ['app-ok', 'app-bad', 'app-broke'].map((recipientId) => ({
      key: `${ticketId}:dispatch:${recipientId}:first`,
      recipientId,
      kind: 'dispatch',
      facts: { ticketId, deadline: new Date().toISOString() },
      sms: true,
      urgent: false,
    }));
    for (const n of notices) await delivery.deliver(n, null);
    await delivery.idle();

    expect(fake.calls.map((c) => [c.phone, c.templateCode]).sort()).toEqual([
      ['13700137001', 'SMS_500001'],
      ['13700137002', 'SMS_500001'],
      ['13700137003', 'SMS_500001'],
    ]);
    expect(fake.calls[0]!.params.link).toBe(`https://court.example/12368/tickets/${ticketId}`);
    const sms = await request(app.getHttpServer())
      .get(`/api/sms?ticketId=${ticketId}`)
      .set('Authorization', `Bearer ${supervisor}`)
      .expect(200);
    expect(
      sms.body.items.map((m: { recipientId: string; status: string; to: string }) => [
        m.recipientId,
        m.status,
        m.to,
      ]),
    ).toEqual([
      ['app-ok', 'sent', '13700137001'],
      ['app-bad', 'failed', '13700137002'],
      ['app-broke', 'failed', '13700137003'],
    ]);
    expect(sms.body.items[0]).toMatchObject({ providerCode: null, reason: null, attempts: 0 });
    expect(sms.body.items[1].failure).toContain('isv.MOBILE_NUMBER_ILLEGAL');
    expect(sms.body.items[1]).toMatchObject({
      providerCode: 'isv.MOBILE_NUMBER_ILLEGAL',
      reason: '手机号码格式错误或不可用',
      attempts: 0,
    });
    expect(sms.body.items[2]).toMatchObject({
      providerCode: 'isv.AMOUNT_NOT_ENOUGH',
      reason: '短信账户余额不足，请充值',
    });
    // every field API.md lists is still there
    for (const item of sms.body.items) {
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining([
          'id',
          'to',
          'recipientId',
          'ticketId',
          'text',
          'status',
          'createdAt',
        ]),
      );
    }
    const inbox = await request(app.getHttpServer())
      .get('/api/notifications?recipientId=group:supervisor')
      .set('Authorization', `Bearer ${supervisor}`)
      .expect(200);
    const told = inbox.body.items.find(
      (n: { id: string }) => n.id === `sms_failed:${notices[1]!.key}`,
    );
    expect(told).toMatchObject({ kind: 'sms_failed', ticketId });
    expect(told.text).toContain('乙');
    expect(told.text).not.toContain('13700137002');
    const broke = inbox.body.items.find(
      (n: { id: string }) => n.id === `sms_failed:${notices[2]!.key}`,
    );
    expect(broke.text).toContain('余额不足');
    expect(broke.text).toContain('isv.AMOUNT_NOT_ENOUGH');
  });
});
