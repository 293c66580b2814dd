import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { NotificationModule } from '../../apps/notification/src/notification.module';
import { configureHttpApp } from '../../libs/common/src';
import { testEnv } from './test-env';

/** The notification service in-process, on this run's database and namespace. */
export async function startNotificationApp(): Promise<NestExpressApplication> {
  testEnv();
  const moduleRef = await Test.createTestingModule({ imports: [NotificationModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: false,
  });
  configureHttpApp(app, 'test');
  await app.init();
  return app;
}
