import { INestApplicationContext, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp } from './http/configure-http-app';
import { JsonLogger } from './http/json-logger';
import { signalReady } from './ready-signal';

function exitOnStartFailure(service: string, error: unknown): never {
  new Logger(service).error(
    `启动失败 (failed to start): ${error instanceof Error ? error.message : error}`,
  );
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
    const app = await NestFactory.create<NestExpressApplication>(module, {
      bodyParser: false,
      logger: new JsonLogger(service),
    });
    app.enableShutdownHooks();
    beforeHttp?.(app);
    configureHttpApp(app, `12368 ${service} service`);
    const listenPort = port(app);
    // Loopback unless told otherwise: the embedded default serves this machine only; containers
    // (docker-compose) set HOST=0.0.0.0.
    await app.listen(listenPort, process.env.HOST?.trim() || '127.0.0.1');
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
    const app = await NestFactory.createApplicationContext(module, {
      logger: new JsonLogger(service),
    });
    app.enableShutdownHooks();
    await app.init();
    signalReady(service, 'workers polling');
    return app;
  } catch (error) {
    exitOnStartFailure(service, error);
  }
}
