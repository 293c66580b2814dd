import { join } from 'node:path';
import { say, seconds } from './console-output';
import { REPO_ROOT } from './paths';
import { httpOk, waitUntil } from './probes';
import { Supervisor } from './supervisor';

export interface AppSpec {
  name: 'worker' | 'notification' | 'reporting' | 'intake';
  /** The env variable with its HTTP port; the ticket worker has no HTTP. */
  portEnv?: 'INTAKE_PORT' | 'NOTIFICATION_PORT' | 'REPORTING_PORT';
  defaultPort?: number;
  /** Node flags of its own, the same under npm start and in its container. */
  nodeFlags?: string[];
}

export const APPS: AppSpec[] = [
  { name: 'worker' },
  { name: 'notification', portEnv: 'NOTIFICATION_PORT', defaultPort: 3001 },
  // A capped heap keeps a full-ledger xlsx export under 300 MB resident (uncapped, Node lets
  // the heap grow lazily to ~390 MB while streaming 100,000 rows).
  {
    name: 'reporting',
    portEnv: 'REPORTING_PORT',
    defaultPort: 3002,
    nodeFlags: ['--max-old-space-size=192'],
  },
  { name: 'intake', portEnv: 'INTAKE_PORT', defaultPort: 3000 },
];

/** The compiled entry point; the Dockerfile runs the same file. */
export function appEntry(app: AppSpec['name']): string {
  return join(REPO_ROOT, 'dist', 'apps', app, 'src', 'main.js');
}

export function appPort(app: AppSpec, env: NodeJS.ProcessEnv): number | undefined {
  return app.portEnv ? Number(env[app.portEnv] ?? app.defaultPort) : undefined;
}

/** Starts every app at once and waits until each reports ready and answers /health. */
export async function startApps(supervisor: Supervisor, env: NodeJS.ProcessEnv): Promise<void> {
  const started = Date.now();
  await Promise.all(
    APPS.map(async (app) => {
      const { ready } = supervisor.start({
        name: app.name,
        command: process.execPath,
        args: ['--enable-source-maps', ...(app.nodeFlags ?? []), appEntry(app.name)],
        env,
        ipc: true,
      });
      await ready;
      const port = appPort(app, env);
      if (port !== undefined) {
        await Promise.race([
          waitUntil(`${app.name} /health`, () => httpOk(`http://127.0.0.1:${port}/health`), 60_000),
          supervisor.failed,
        ]);
      }
    }),
  );
  say(`all services healthy in ${seconds(Date.now() - started)}`);
}
