import { ConfigError } from '@court/config';

export const DEFAULT_WORKER_HEALTH_PORT = 3003;

/** `WORKER_HEALTH_PORT`: where the ticket worker answers `GET /health` (default 3003). */
export function workerHealthPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WORKER_HEALTH_PORT?.trim() || String(DEFAULT_WORKER_HEALTH_PORT);
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError([`WORKER_HEALTH_PORT="${raw}" is not a TCP port (1–65535)`]);
  }
  return port;
}
