import { INestApplication, INestApplicationContext, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { signalReady } from './ready-signal';

function exitOnStartFailure(service: string, error: unknown): never {
  const logger = new Logger(service);
  logger.error(`启动失败 (failed to start): ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

/** Starts an HTTP service: shutdown hooks on SIGINT/SIGTERM, then listens and reports ready. */
export async function bootstrapHttpService(
  service: string,
  module: Type<unknown>,
  port: (app: INestApplication) => number,
  configure?: (app: INestApplication) => void,
): Promise<INestApplication> {
  try {
    const app = await NestFactory.create(module, { bufferLogs: false });
    app.enableShutdownHooks();
    configure?.(app);
    const listenPort = port(app);
    await app.listen(listenPort, process.env.HOST ?? '0.0.0.0');
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
    const app = await NestFactory.createApplicationContext(module);
    app.enableShutdownHooks();
    await app.init();
    signalReady(service, 'workers polling');
    return app;
  } catch (error) {
    exitOnStartFailure(service, error);
  }
}
