import { ConfigModule } from '@court/config';
import { DatabaseModule } from '@court/database';
import { MetricsModule } from '@court/telemetry';
import { TemporalClientModule } from '@court/temporal';
import { Module } from '@nestjs/common';
import { ticketWorkerProvider } from './ticket-worker.provider';
import { WorkerHealthController } from './worker-health.controller';

@Module({
  // The Temporal client connection serves the health check only; the worker has its own.
  imports: [ConfigModule, MetricsModule.forService('worker'), DatabaseModule, TemporalClientModule],
  controllers: [WorkerHealthController],
  providers: [ticketWorkerProvider],
})
export class WorkerModule {}
