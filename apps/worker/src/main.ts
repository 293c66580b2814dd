import './tracing';
import 'reflect-metadata';
import { bootstrapHttpService } from '@court/common';
import { WorkerModule } from './worker.module';
import { workerHealthPort } from './worker-settings';

// HTTP for `GET /health` and `GET /metrics` only (WORKER_HEALTH_PORT): the ticket worker has no API.
void bootstrapHttpService('worker', WorkerModule, () => workerHealthPort());
