import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  RequestMethod,
} from '@nestjs/common';
// Every service shows the hotline's figures, even those another process counts.
import './hotline-metrics';
import { httpDurationMiddleware } from './http-duration';
import { METRICS_TOKEN_SETTING, MetricsController } from './metrics.controller';
import { metricsToken } from './metrics-token';
import { startProcessMetrics } from './registry';

const PROCESS_METRICS = Symbol('PROCESS_METRICS');

/**
 * `GET /metrics` (Prometheus) and the HTTP duration histogram of every route of the app that
 * imports it: `MetricsModule.forService('intake')`.
 */
@Module({})
export class MetricsModule implements NestModule {
  static forService(service: string): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [
        { provide: PROCESS_METRICS, useFactory: () => startProcessMetrics(service) },
        { provide: METRICS_TOKEN_SETTING, useFactory: () => metricsToken() },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(httpDurationMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
