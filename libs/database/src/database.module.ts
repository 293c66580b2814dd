import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

/**
 * How long an operation waits for a database that does not answer before it fails (and the API
 * answers 503): the driver's server selection, and Mongoose's own buffering while it reconnects.
 * Well under the 2 s a person at the intake console should wait; the driver keeps reconnecting
 * in the background, so a restarted database is used again without restarting the service.
 */
export const DATABASE_WAIT_MS = 1_000;

/** The one MongoDB connection of a service (MongoDB in production, FerretDB embedded). */
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
  exports: [MongooseModule],
})
export class DatabaseModule {}
