import 'reflect-metadata';
import { bootstrapHttpService } from '@court/common';
import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { IntakeModule } from './intake.module';
import { forwardToServices } from './web/forward-to-services';

void bootstrapHttpService(
  'intake',
  IntakeModule,
  (app) => app.get<ServiceConfig>(SERVICE_CONFIG).ports.intake,
  forwardToServices,
);
