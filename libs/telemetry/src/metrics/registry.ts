import { collectDefaultMetrics, Registry } from 'prom-client';

/** The process's one registry: the hotline's figures, HTTP durations and Node's own metrics. */
export const metricsRegistry = new Registry();

let namedAs: string | undefined;

/**
 * Labels every series with `service` and starts Node's default metrics. The first call wins:
 * in production each process is one service; jest runs several apps in one process.
 */
export function startProcessMetrics(service: string): void {
  if (namedAs !== undefined) return;
  namedAs = service;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry });
}
