import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { TracingShutdown, tracingClientInterceptors } from '@court/telemetry';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { temporalConnectionOptions } from './connection-options';
import { payloadDataConverter } from './data-converter';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** The payload codec of `PAYLOAD_KEYS` / `PAYLOAD_KEY_FILE`, shared by the client and the codec endpoint. */
export const TEMPORAL_DATA_CONVERTER = Symbol('TEMPORAL_DATA_CONVERTER');

/** One connection and one `Client` per process, closed on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig): Promise<Connection> =>
        Connection.connect(temporalConnectionOptions(config.temporal)),
    },
    {
      provide: TEMPORAL_DATA_CONVERTER,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig): DataConverter =>
        payloadDataConverter(config.temporal.payloadKeys),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [TEMPORAL_CONNECTION, SERVICE_CONFIG, TEMPORAL_DATA_CONVERTER],
      useFactory: (connection: Connection, config: ServiceConfig, dataConverter: DataConverter) =>
        new Client({
          connection,
          namespace: config.temporal.namespace,
          dataConverter,
          interceptors: { workflow: tracingClientInterceptors() },
        }),
    },
    // Every service has this module: its shutdown flushes the process's spans.
    TracingShutdown,
  ],
  exports: [TEMPORAL_CONNECTION, TEMPORAL_CLIENT, TEMPORAL_DATA_CONVERTER],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
