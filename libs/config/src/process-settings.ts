type Env = Record<string, string | undefined>;

/** `HOST`: where the services listen; loopback unless told otherwise (containers set 0.0.0.0). */
export function listenHost(env: Env = process.env): string {
  return env.HOST?.trim() || '127.0.0.1';
}

/**
 * `TRUST_PROXY`: Express's `trust proxy`, so that `request.ip` (per-address login limits)
 * is the client's address from `X-Forwarded-For` when the service sits behind a proxy.
 * `true` (any proxy), a hop count (`1`), or addresses / subnets / `loopback`, comma-separated.
 * Unset or `false`: the peer address is used and `X-Forwarded-For` ignored.
 */
export function trustProxy(env: Env = process.env): boolean | number | string | undefined {
  const value = env.TRUST_PROXY?.trim();
  if (!value || value.toLowerCase() === 'false') return undefined;
  if (value.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** `LOG_LEVEL`: `info` (the default) or `debug`; pino's other level names are accepted too. */
export function logLevel(env: Env = process.env): string {
  const level = env.LOG_LEVEL?.trim().toLowerCase();
  return level && LOG_LEVELS.includes(level) ? level : 'info';
}
