import { AuthModule } from '@court/auth';
import { HealthController } from '@court/common';
import { ConfigModule } from '@court/config';
import { auditTrailModule, DatabaseModule } from '@court/database';
import { MetricsModule } from '@court/telemetry';
import { TemporalClientModule } from '@court/temporal';
import { Module } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthFeatureModule } from './auth/auth-feature.module';
import { CalendarModule } from './calendar/calendar.module';
import { DirectoryModule } from './directory/directory.module';
import { FaultsModule } from './faults/faults.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { IntakeStoreModule } from './intake-store';
import { SeedModule } from './seed/seed.module';
import { TemporalCodecModule } from './temporal-codec/temporal-codec.module';
import { TicketsModule } from './tickets/tickets.module';
import { VoicemailsModule } from './voicemails/voicemails.module';
import { WebAppModule } from './web/web-app.module';

@Module({
  imports: [
    ConfigModule,
    MetricsModule.forService('intake'),
    DatabaseModule,
    auditTrailModule('intake'),
    TemporalClientModule,
    AuthModule,
    IntakeStoreModule,
    FaultsModule,
    IdempotencyModule,
    SeedModule,
    AuthFeatureModule,
    AccountsModule,
    DirectoryModule,
    CalendarModule,
    TicketsModule,
    AttachmentsModule,
    VoicemailsModule,
    AuditModule,
    TemporalCodecModule,
    WebAppModule,
  ],
  controllers: [HealthController],
})
export class IntakeModule {}
