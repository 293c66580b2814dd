import { Global, Module } from '@nestjs/common';
import { loadServiceConfig, ServiceConfig } from './service-config';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** Reads and validates the environment once, at start; a bad value stops the service. */
@Global()
@Module({
  providers: [{ provide: SERVICE_CONFIG, useFactory: (): ServiceConfig => loadServiceConfig() }],
  exports: [SERVICE_CONFIG],
})
export class ConfigModule {}
