import { AuthModule } from '@court/auth';
import { HealthController } from '@court/common';
import { ConfigModule } from '@court/config';
import { auditTrailModule, DatabaseModule } from '@court/database';
import { MetricsModule } from '@court/telemetry';
import { TemporalClientModule } from '@court/temporal';
import { Module } from '@nestjs/common';
import { notificationProviders } from './notification.providers';
import { notificationWorkerProvider } from './notification-worker.provider';
import { NotificationsController, SmsController } from './notifications.controller';

@Module({
  imports: [
    ConfigModule,
    MetricsModule.forService('notification'),
    DatabaseModule,
    auditTrailModule('notification'),
    TemporalClientModule,
    AuthModule,
  ],
  controllers: [HealthController, NotificationsController, SmsController],
  providers: [...notificationProviders, notificationWorkerProvider],
})
export class NotificationModule {}
