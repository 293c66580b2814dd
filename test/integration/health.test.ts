import { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { NotificationModule } from '../../apps/notification/src/notification.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { testEnv } from '../support/test-env';

describe.each<[string, Type<unknown>]>([
  ['intake', IntakeModule],
  ['notification', NotificationModule],
  ['reporting', ReportingModule],
])('%s service GET /health', (_name, module) => {
  let app: INestApplication;

  beforeAll(async () => {
    testEnv();
    const moduleRef = await Test.createTestingModule({ imports: [module] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 200 { status: "ok" } with the real database and Temporal reachable', async () => {
    const response = await request(app.getHttpServer()).get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      checks: { database: 'ok', temporal: 'ok' },
    });
  });
});
