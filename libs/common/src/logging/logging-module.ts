import {
  type DynamicModule,
  type INestApplication,
  Module,
  RequestMethod,
  type Type,
} from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { accessLogOptions } from './access-log';

/**
 * nestjs-pino over the given logger. The access log itself is Express middleware
 * (`useAccessLog`), so that requests the body parser refuses are logged too; this module only
 * binds each request's logger (with its `reqId`) to the logs written while it is handled.
 */
export function loggingModule(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: { logger },
    useExisting: true,
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  });
}

@Module({})
class LoggedApplication {}

/** The service's module with the logging module beside it, as the application's root. */
export function withLogging(module: Type<unknown>, logger: Logger): DynamicModule {
  return { module: LoggedApplication, imports: [loggingModule(logger), module] };
}

/** One access line per request from here on; call it before the body parser. */
export function useAccessLog(app: INestApplication, logger: Logger): void {
  app.use(pinoHttp({ logger, ...accessLogOptions() }));
}
