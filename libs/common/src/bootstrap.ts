import { listenHost } from '@court/config';
import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { configureHttpApp } from './http/configure-http-app';
import { processLogger } from './logging/json-logger';
import { useAccessLog, withLogging } from './logging/logging-module';
import { signalReady } from './ready-signal';

function exitOnStartFailure(service: string, error: unknown): never {
  processLogger(service).fatal({ err: error }, '启动失败 (failed to start)');
  process.exit(1);
}

/** Starts an HTTP service: shared HTTP set-up, shutdown hooks, then listens and reports ready. */
export async function bootstrapHttpService(
  service: string,
  module: Type<unknown>,
  port: (app: NestExpressApplication) => number,
  /** Middleware that must see requests before the body parser (the intake's forwarding). */
  beforeHttp?: (app: NestExpressApplication) => void,
): Promise<NestExpressApplication> {
  try {
    const app = await NestFactory.create<NestExpressApplication>(
      withLogging(module, processLogger(service)),
      { bodyParser: false, bufferLogs: true },
    );
    app.useLogger(app.get(Logger));
    app.enableShutdownHooks();
    beforeHttp?.(app);
    useAccessLog(app, processLogger(service));
    configureHttpApp(app, `12368 ${service} service`);
    const listenPort = port(app);
    await app.listen(listenPort, listenHost());
    signalReady(service, `http://127.0.0.1:${listenPort}`);
    return app;
  } catch (error) {
    exitOnStartFailure(service, error);
  }
}

/** Starts a service without HTTP (the ticket worker). */
export async function bootstrapBackgroundService(
  service: string,
  module: Type<unknown>,
): Promise<INestApplicationContext> {
  try {
    const app = await NestFactory.createApplicationContext(
      withLogging(module, processLogger(service)),
      { bufferLogs: true },
    );
    app.useLogger(app.get(Logger));
    app.enableShutdownHooks();
    await app.init();
    signalReady(service, 'workers polling');
    return app;
  } catch (error) {
    exitOnStartFailure(service, error);
  }
}
