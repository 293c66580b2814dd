import { LoggerService } from '@nestjs/common';

const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Masks mainland mobile numbers anywhere in a log line (138****8000). */
export function maskPhonesInText(text: string): string {
  return text.replace(MOBILE, '$1****$2');
}

/** Structured JSON logs, one object per line, with phone numbers masked. */
export class JsonLogger implements LoggerService {
  constructor(private readonly service: string) {}

  private write(level: string, message: unknown, context?: unknown, extra?: unknown): void {
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      service: this.service,
      context: typeof context === 'string' ? context : undefined,
      message: typeof message === 'string' ? message : message,
      ...(extra ? { detail: extra } : {}),
    });
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(
      `${maskPhonesInText(line)}\n`,
    );
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    if (process.env.LOG_LEVEL === 'debug') this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    if (process.env.LOG_LEVEL === 'debug') this.write('verbose', message, context);
  }
}
