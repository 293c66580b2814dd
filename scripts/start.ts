import { existsSync } from 'node:fs';
import { readSetting } from '../libs/config/src/service-config';
import { APPS, appEntry, appPort, startApps } from './stack/apps';
import { colour, say, seconds, shout } from './stack/console-output';
import { devJwtSecret } from './stack/dev-secret';
import { DEFAULT_DATA_DIR } from './stack/paths';
import { ProvidedServer, provideDatabase, provideTemporal, ServerPlan } from './stack/servers';
import { Supervisor } from './stack/supervisor';

/**
 * `npm start`: the embedded default. Temporal dev server with its Web UI and a
 * MongoDB-compatible server (each reused if already running at its configured address),
 * then every app. Ctrl-C (SIGINT) or SIGTERM stops everything it started.
 */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const env = process.env;
  const plan: ServerPlan = {
    temporalAddress: readSetting(env, 'TEMPORAL_ADDRESS'),
    temporalUiPort: Number(readSetting(env, 'TEMPORAL_UI_PORT')),
    mongodbUri: readSetting(env, 'MONGODB_URI'),
    dataDir: env.DATA_DIR ?? DEFAULT_DATA_DIR,
    persistent: true,
    ui: true,
  };

  const missing = APPS.map((app) => appEntry(app.name)).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    shout(`not built: ${missing.join(', ')} — run \`npm run build\` first (npm start does)`);
    process.exit(1);
  }

  const supervisor = new Supervisor();
  const inProcess: ProvidedServer[] = [];
  let exitCode = 0;
  const shutdown = async (why: string) => {
    if (supervisor.isStopping) return;
    say(`stopping (${why})…`);
    await supervisor.stopAll();
    for (const server of inProcess.reverse()) await server.stop?.();
    say('stopped; nothing left running');
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(signal));
  }
  supervisor.failed.catch((error: Error) => {
    exitCode = 1;
    void shutdown(`failure: ${error.message}`);
  });

  try {
    say(`data folder: ${plan.dataDir}`);
    const [temporal, database] = await Promise.all([
      provideTemporal(supervisor, plan),
      provideDatabase(supervisor, plan),
    ]);
    inProcess.push(temporal, database);
    say(`Temporal: ${temporal.source}`);
    say(`database: ${database.source}`);

    await startApps(supervisor, {
      ...env,
      TEMPORAL_ADDRESS: temporal.address,
      MONGODB_URI: database.address,
      JWT_SECRET: env.JWT_SECRET || devJwtSecret(plan.dataDir),
      NO_COLOR: process.stdout.isTTY ? env.NO_COLOR : '1',
    });

    const lines = [
      `12368 工单系统已启动 (all healthy in ${seconds(Date.now() - startedAt)})`,
      ...APPS.filter((app) => app.portEnv).map(
        (app) => `  ${app.name.padEnd(13)} http://127.0.0.1:${appPort(app, env)}`,
      ),
      `  Temporal UI   http://127.0.0.1:${plan.temporalUiPort}  (namespace ${readSetting(env, 'TEMPORAL_NAMESPACE')})`,
      `  Temporal      ${temporal.address}`,
      `  database      ${database.address}`,
      '按 Ctrl-C 停止 (Ctrl-C stops everything)',
    ];
    for (const line of lines) say(colour(32, line));
  } catch (error) {
    if (supervisor.isStopping) return;
    exitCode = 1;
    shout(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown('start failed');
  }
}

void main();
