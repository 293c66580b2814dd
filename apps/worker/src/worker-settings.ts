import { ConfigError, listenHost } from '@court/config';

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

export const DEFAULT_WORKER_METRICS_PORT = 9464;

/**
 * `WORKER_METRICS_PORT`: where the Temporal SDK serves the ticket worker's metrics (pollers,
 * task slots, schedule-to-start latency) at `/metrics` (default 9464); `off`: nowhere.
 */
export function workerMetricsPort(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.WORKER_METRICS_PORT?.trim() || String(DEFAULT_WORKER_METRICS_PORT);
  if (raw.toLowerCase() === 'off') return null;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError([`WORKER_METRICS_PORT="${raw}" is not a TCP port (1–65535) or off`]);
  }
  return port;
}

/** The SDK's metrics on the services' listening address (HOST, loopback by default). */
export function workerMetricsBindAddress(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const port = workerMetricsPort(env);
  if (port === null) return undefined;
  const host = listenHost(env);
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export const DEFAULT_WORKER_CACHED_WORKFLOWS = 500;
/** The SDK runs up to 40 workflow tasks at once, each needing its workflow in the cache. */
const MIN_CACHED_WORKFLOWS = 40;

/**
 * `WORKER_CACHED_WORKFLOWS`: how many tickets the worker keeps in memory between their tasks
 * (default 500). The SDK's own default grows with the machine's memory: 2,000 open tickets held
 * 1 GB of worker RSS on a 24 GiB machine. A ticket outside the cache replays its history on its
 * next task (tens of events, a few milliseconds).
 */
export function workerCachedWorkflows(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WORKER_CACHED_WORKFLOWS?.trim() || String(DEFAULT_WORKER_CACHED_WORKFLOWS);
  const count = Number(raw);
  if (!/^\d+$/.test(raw) || count < MIN_CACHED_WORKFLOWS || count > 100_000) {
    throw new ConfigError([
      `WORKER_CACHED_WORKFLOWS="${raw}" is not a number of workflows from ${MIN_CACHED_WORKFLOWS} to 100000`,
    ]);
  }
  return count;
}
