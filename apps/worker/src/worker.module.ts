import { ConfigModule } from '@court/config';
import { DatabaseModule } from '@court/database';
import { Module } from '@nestjs/common';
import { ticketWorkerProvider } from './ticket-worker.provider';

@Module({
  imports: [ConfigModule, DatabaseModule],
  providers: [ticketWorkerProvider],
})
export class WorkerModule {}
