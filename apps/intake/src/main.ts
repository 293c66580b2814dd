import './tracing';
import 'reflect-metadata';
import { bootstrapHttpService } from '@court/common';
import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { IntakeModule } from './intake.module';
import { seedingProblems } from './intake-settings';
import { mountWebFront } from './web/web-front';

// Checked before anything connects, so that the refusal is the one message shown.
const problems = seedingProblems(process.env);
if (problems.length > 0) {
  process.stderr.write(`[intake] 启动失败 (failed to start):\n  - ${problems.join('\n  - ')}\n`);
  process.exit(1);
}

void bootstrapHttpService(
  'intake',
  IntakeModule,
  (app) => app.get<ServiceConfig>(SERVICE_CONFIG).ports.intake,
  mountWebFront,
);
