import { logLevel } from '@court/config';
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import type { TelemetryOptions } from '@temporalio/worker';
import type { Logger } from 'pino';
import { processLogger } from './json-logger';

const PINO_LEVEL = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
} as const satisfies Record<LogLevel, string>;

/** The SDK puts an error under `error` or `failure`; the `err` serializer shows its cause chain. */
function fields(meta: LogMetadata | undefined): Record<string, unknown> {
  if (!meta) return {};
  const { error, failure, ...rest } = meta;
  const err = error ?? failure;
  return err === undefined ? rest : { ...rest, err };
}

/** Temporal's Logger interface over a pino logger (exported for tests with their own stream). */
export function temporalLoggerOver(logger: Logger): TemporalLogger {
  const temporal = logger.child({ context: 'Temporal' });
  const log = (level: LogLevel, message: string, meta?: LogMetadata): void => {
    temporal[PINO_LEVEL[level] ?? 'info'](fields(meta), message);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}

/**
 * The logger for `Runtime.install({ logger })`: the Temporal SDK's own logs, the workflows' and
 * activities' context loggers, and (with `temporalRuntimeLogOptions()`) the core's, written
 * into this process's JSON log with `"context":"Temporal"`.
 */
export function temporalRuntimeLogger(service: string): TemporalLogger {
  return temporalLoggerOver(processLogger(service));
}

/**
 * `telemetryOptions` for `Runtime.install` that forward the SDK core's (Rust) logs to the
 * runtime logger instead of printing them as plain text: core at WARN (DEBUG with
 * `LOG_LEVEL=debug`), its third-party crates at ERROR.
 */
export function temporalRuntimeLogOptions(): Pick<TelemetryOptions, 'logging'> {
  const core: LogLevel = logLevel() === 'debug' ? 'DEBUG' : 'WARN';
  return { logging: { filter: { core, other: 'ERROR' }, forward: {} } };
}
