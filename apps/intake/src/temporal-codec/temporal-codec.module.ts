import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CodecCorsMiddleware } from './codec-cors.middleware';
import { codecSessionAuth } from './codec-session.middleware';
import { CODEC_ROUTE } from './codec-session-cookie';
import { TemporalCodecController } from './temporal-codec.controller';

/** The codec endpoint for the Temporal Web UI: CORS, cookie sessions, decode and encode. */
@Module({ controllers: [TemporalCodecController] })
export class TemporalCodecModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(CodecCorsMiddleware, codecSessionAuth)
      .forRoutes({ path: `${CODEC_ROUTE}/*path`, method: RequestMethod.ALL });
  }
}
