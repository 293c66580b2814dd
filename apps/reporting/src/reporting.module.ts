import { Module } from '@nestjs/common';
import { HealthController } from '@court/common';
import { ConfigModule } from '@court/config';
import { DatabaseModule } from '@court/database';
import { TemporalClientModule } from '@court/temporal';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalClientModule],
  controllers: [HealthController],
})
export class ReportingModule {}
