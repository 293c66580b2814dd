import './tracing';
import 'reflect-metadata';
import { bootstrapHttpService } from '@court/common';
import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { ReportingModule } from './reporting.module';

void bootstrapHttpService(
  'reporting',
  ReportingModule,
  (app) => app.get<ServiceConfig>(SERVICE_CONFIG).ports.reporting,
);
