import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
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
        Connection.connect({ address: config.temporal.address }),
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
        new Client({ connection, namespace: config.temporal.namespace, dataConverter }),
    },
  ],
  exports: [TEMPORAL_CONNECTION, TEMPORAL_CLIENT, TEMPORAL_DATA_CONVERTER],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
