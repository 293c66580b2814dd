import { logLevel } from '@court/config';
import { maskPhonesInJsonLine } from '@court/domain';
import pino, { type DestinationStream, type Logger } from 'pino';
import { serializeError } from './error-serializer';

/**
 * A pino logger writing one JSON object a line: `{"level":"info","time":"<ISO>","service":…,
 * "msg":…}`, errors with their cause chain, every phone number masked. stdout unless told.
 */
export function createJsonLogger(service: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    base: { service },
    level: logLevel(),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError, error: serializeError },
    hooks: { streamWrite: maskPhonesInJsonLine },
  };
  return destination ? pino(options, destination) : pino(options);
}

let theProcessLogger: Logger | undefined;

/**
 * The one logger of this process (Nest's logs, the access log, Temporal's runtime logs), made
 * by the first call: a process is one service, so later calls get it whatever name they pass.
 */
export function processLogger(service: string): Logger {
  theProcessLogger ??= createJsonLogger(service);
  return theProcessLogger;
}
