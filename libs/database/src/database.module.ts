import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { Global, Module } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { Storage } from './storage';

/**
 * How long an operation waits for a database that does not answer before it fails (and the API
 * answers 503): the driver's server selection, and Mongoose's own buffering while it reconnects.
 * Well under the 2 s a person at the intake console should wait; the driver keeps reconnecting
 * in the background, so a restarted database is used again without restarting the service.
 */
export const DATABASE_WAIT_MS = 1_000;

/**
 * The one MongoDB connection of a service (MongoDB in production, FerretDB embedded), and the
 * `Storage` whose repositories everything else stores through.
 */
@Global()
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) => ({
        uri: config.mongodbUri,
        serverSelectionTimeoutMS: DATABASE_WAIT_MS,
        bufferTimeoutMS: DATABASE_WAIT_MS,
      }),
    }),
  ],
  providers: [
    {
      provide: Storage,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) => new Storage(connection),
    },
  ],
  exports: [MongooseModule, Storage],
})
export class DatabaseModule {}
