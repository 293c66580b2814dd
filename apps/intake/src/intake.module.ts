import { AuthModule } from '@court/auth';
import { HealthController } from '@court/common';
import { ConfigModule } from '@court/config';
import { DatabaseModule } from '@court/database';
import { TemporalClientModule } from '@court/temporal';
import { Module } from '@nestjs/common';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalClientModule, AuthModule],
  controllers: [HealthController],
})
export class IntakeModule {}
