import { AuthModule } from '@court/auth';
import { HealthController } from '@court/common';
import { ConfigModule } from '@court/config';
import { auditTrailModule, DatabaseModule } from '@court/database';
import { MetricsModule, openTicketsGauge } from '@court/telemetry';
import { TemporalClientModule } from '@court/temporal';
import { Module } from '@nestjs/common';
import { ReportAccess } from './access';
import { BulletinSchedule } from './bulletin-schedule';
import { BulletinsController } from './bulletins.controller';
import { BulletinsService } from './bulletins.service';
import { REPORTING_STORE, type ReportingStore, reportingProviders } from './reporting.providers';
import { reportingWorkerProvider } from './reporting-worker.provider';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Ledger, metrics, bulletins and exports; hosts the `reporting` worker and the bulletin schedule. */
@Module({
  imports: [
    ConfigModule,
    MetricsModule.forService('reporting'),
    DatabaseModule,
    auditTrailModule('reporting'),
    TemporalClientModule,
    AuthModule,
  ],
  controllers: [HealthController, ReportsController, BulletinsController],
  providers: [
    ...reportingProviders,
    ReportAccess,
    ReportsService,
    BulletinsService,
    BulletinSchedule,
    reportingWorkerProvider,
    ...openTicketsGauge({
      inject: [REPORTING_STORE],
      useFactory: (store: ReportingStore) => store.facts,
    }),
  ],
})
export class ReportingModule {}
