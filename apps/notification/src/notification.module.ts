import { AuthModule } from '@court/auth';
import { HealthController } from '@court/common';
import { ConfigModule } from '@court/config';
import { DatabaseModule } from '@court/database';
import { TemporalClientModule } from '@court/temporal';
import { Module } from '@nestjs/common';
import { notificationWorkerProvider } from './notification-worker.provider';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalClientModule, AuthModule],
  controllers: [HealthController],
  providers: [notificationWorkerProvider],
})
export class NotificationModule {}
