import 'reflect-metadata';
import { bootstrapHttpService } from '@court/common';
import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { IntakeModule } from './intake.module';
import { mountWebFront } from './web/web-front';

void bootstrapHttpService(
  'intake',
  IntakeModule,
  (app) => app.get<ServiceConfig>(SERVICE_CONFIG).ports.intake,
  mountWebFront,
);
