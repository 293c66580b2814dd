/** `LOG_LEVEL`: `info` (the default) or `debug`; pino's other level names are accepted too. */
export function logLevelFromEnv(raw = process.env.LOG_LEVEL): string {
  const level = raw?.trim().toLowerCase();
  return level && ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].includes(level)
    ? level
    : 'info';
}
