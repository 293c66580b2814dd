import './tracing';
import 'reflect-metadata';
import { bootstrapHttpService } from '@court/common';
import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { NotificationModule } from './notification.module';

void bootstrapHttpService(
  'notification',
  NotificationModule,
  (app) => app.get<ServiceConfig>(SERVICE_CONFIG).ports.notification,
);
