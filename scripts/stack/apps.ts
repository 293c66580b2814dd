import { join } from 'node:path';
import { say, seconds } from './console-output';
import { REPO_ROOT } from './paths';
import { httpOk, waitUntil } from './probes';
import { replicaName, replicaPort, replicaPortSetting } from './replicas';
import { Supervisor } from './supervisor';

export interface AppSpec {
  name: 'worker' | 'notification' | 'reporting' | 'intake';
  /** The env variable with its HTTP port; the ticket worker has no API. */
  portEnv?: 'INTAKE_PORT' | 'NOTIFICATION_PORT' | 'REPORTING_PORT';
  defaultPort?: number;
  /** Where an app without an API answers `GET /health` (the ticket worker). */
  healthPortEnv?: 'WORKER_HEALTH_PORT';
  defaultHealthPort?: number;
  /** Further ports of its own, moved up per replica as the others (`off` stays off). */
  sidePorts?: { env: 'WORKER_METRICS_PORT'; fallback: number }[];
  /** Node flags of its own, the same under npm start and in its container. */
  nodeFlags?: string[];
  /** Whether `--replicas` runs more than one of it. */
  scalesOut?: boolean;
  /** How long it may take to stop after SIGTERM (the worker drains its tasks first). */
  stopGraceMs?: number;
}

export const APPS: AppSpec[] = [
  {
    name: 'worker',
    healthPortEnv: 'WORKER_HEALTH_PORT',
    defaultHealthPort: 3003,
    // The Temporal SDK's Prometheus metrics (pollers, slots, schedule-to-start latency).
    sidePorts: [{ env: 'WORKER_METRICS_PORT', fallback: 9464 }],
    scalesOut: true,
    // Longer than the worker's shutdownGraceTime (40 s), so that its drain is never cut short.
    stopGraceMs: 45_000,
  },
  { name: 'notification', portEnv: 'NOTIFICATION_PORT', defaultPort: 3001, scalesOut: true },
  // A capped heap keeps a full-ledger xlsx export under 300 MB resident (uncapped, Node lets
  // the heap grow lazily to ~390 MB while streaming 100,000 rows).
  {
    name: 'reporting',
    portEnv: 'REPORTING_PORT',
    defaultPort: 3002,
    nodeFlags: ['--max-old-space-size=192'],
  },
  { name: 'intake', portEnv: 'INTAKE_PORT', defaultPort: 3000, scalesOut: true },
];

/** The compiled entry point; the Dockerfile runs the same file. */
export function appEntry(app: AppSpec['name']): string {
  return join(REPO_ROOT, 'dist', 'apps', app, 'src', 'main.js');
}

export function appPort(app: AppSpec, env: NodeJS.ProcessEnv): number | undefined {
  return app.portEnv ? Number(env[app.portEnv] ?? app.defaultPort) : undefined;
}

/** The env variable and port of the app's `GET /health`: its API port, or its health port. */
function healthPortOf(app: AppSpec, env: NodeJS.ProcessEnv): { env: string; port: number } {
  const name = app.portEnv ?? app.healthPortEnv;
  const fallback = app.defaultPort ?? app.defaultHealthPort;
  if (!name || fallback === undefined) throw new Error(`${app.name} has no health port`);
  return { env: name, port: Number(env[name]?.trim() || fallback) };
}

/** One process of an app: `intake`, or `intake-2` with `--replicas 2`. */
export interface AppInstance {
  app: AppSpec;
  name: string;
  /** 1 for the first instance. */
  replica: number;
  env: NodeJS.ProcessEnv;
  healthPort: number;
  /** Where its API answers (none for the worker). */
  url?: string;
}

/**
 * Every app process to run: one of each app, and `replicas` of those that scale out, the n-th
 * on the first's port + (n − 1) × 10 (scripts/stack/replicas.ts), told so by its port env.
 */
export function appInstances(env: NodeJS.ProcessEnv, replicas: number): AppInstance[] {
  const instances: AppInstance[] = [];
  for (let replica = 1; replica <= replicas; replica++) {
    for (const app of APPS) {
      if (replica > 1 && !app.scalesOut) continue;
      const health = healthPortOf(app, env);
      const healthPort = replicaPort(health.port, replica);
      const sidePorts = (app.sidePorts ?? []).map((side) => [
        side.env,
        replicaPortSetting(env[side.env], side.fallback, replica),
      ]);
      instances.push({
        app,
        name: replicaName(app.name, replica),
        replica,
        env: { ...env, [health.env]: String(healthPort), ...Object.fromEntries(sidePorts) },
        healthPort,
        url: app.portEnv ? `http://127.0.0.1:${healthPort}` : undefined,
      });
    }
  }
  return instances;
}

function startInstance(supervisor: Supervisor, instance: AppInstance): Promise<void> {
  const health = `http://127.0.0.1:${instance.healthPort}/health`;
  return supervisor.start({
    name: instance.name,
    command: process.execPath,
    args: ['--enable-source-maps', ...(instance.app.nodeFlags ?? []), appEntry(instance.app.name)],
    env: instance.env,
    ipc: true,
    readiness: (isGone) =>
      waitUntil(`${instance.name} /health`, () => httpOk(health), 60_000, isGone),
    stopGraceMs: instance.app.stopGraceMs,
  }).ready;
}

/**
 * Starts the first instance of every app at once, then the further replicas, and waits until
 * each has reported ready and answers /health. One-off work at start (the demo seed, ledger
 * migrations) is thereby done by the first instances alone.
 */
export async function startApps(supervisor: Supervisor, instances: AppInstance[]): Promise<void> {
  const started = Date.now();
  const first = instances.filter((instance) => instance.replica === 1);
  const more = instances.filter((instance) => instance.replica > 1);
  await Promise.all(first.map((instance) => startInstance(supervisor, instance)));
  if (more.length > 0) {
    await Promise.all(more.map((instance) => startInstance(supervisor, instance)));
  }
  say(`all services healthy in ${seconds(Date.now() - started)}`);
}
