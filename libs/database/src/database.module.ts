import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

/** The one MongoDB connection of a service (MongoDB in production, FerretDB embedded). */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) => ({
        uri: config.mongodbUri,
        serverSelectionTimeoutMS: 10_000,
      }),
    }),
  ],
  exports: [MongooseModule],
})
export class DatabaseModule {}
