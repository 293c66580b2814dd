import 'reflect-metadata';
import { bootstrapBackgroundService } from '@court/common';
import { WorkerModule } from './worker.module';

void bootstrapBackgroundService('worker', WorkerModule);
