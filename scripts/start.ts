import { existsSync } from 'node:fs';
import { readSetting } from '../libs/config/src/service-config';
import { APPS, appEntry, appInstances, startApps } from './stack/apps';
import { colour, say, seconds, shout } from './stack/console-output';
import { devJwtSecret, devPayloadKeyFile } from './stack/dev-secret';
import { DEFAULT_DATA_DIR } from './stack/paths';
import { ensurePrivateFolder } from './stack/private-folder';
import { replicaCount } from './stack/replicas';
import { ProvidedServer, provideDatabase, provideTemporal, ServerPlan } from './stack/servers';
import { Supervisor } from './stack/supervisor';

/** The payload keys the apps get: the operator's, else a key file generated under the data folder. */
function payloadKeySettings(env: NodeJS.ProcessEnv, dataDir: string): NodeJS.ProcessEnv {
  if (env.PAYLOAD_KEYS?.trim() || env.PAYLOAD_KEY_FILE?.trim()) return {};
  return { PAYLOAD_KEY_FILE: devPayloadKeyFile(dataDir) };
}

/**
 * `npm start`: the embedded default. Temporal dev server with its Web UI and a
 * MongoDB-compatible server (each reused if already running at its configured address),
 * then every app (`--replicas N` / STACK_REPLICAS: N of each that scales out). A process that
 * dies on its own is restarted (scripts/stack/supervisor.ts); Ctrl-C (SIGINT) or SIGTERM
 * stops everything it started.
 */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const env = process.env;
  const intakePort = Number(readSetting(env, 'INTAKE_PORT'));
  const plan: ServerPlan = {
    temporalAddress: readSetting(env, 'TEMPORAL_ADDRESS'),
    temporalUiPort: Number(readSetting(env, 'TEMPORAL_UI_PORT')),
    mongodbUri: readSetting(env, 'MONGODB_URI'),
    dataDir: env.DATA_DIR ?? DEFAULT_DATA_DIR,
    persistent: true,
    ui: true,
    uiCodecEndpoint: `http://127.0.0.1:${intakePort}/api/temporal-codec`,
  };

  let replicas: number;
  try {
    replicas = replicaCount(process.argv.slice(2), env);
  } catch (error) {
    shout(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
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
    ensurePrivateFolder(plan.dataDir);
    const [temporal, database] = await Promise.all([
      provideTemporal(supervisor, plan),
      provideDatabase(supervisor, plan),
    ]);
    inProcess.push(temporal, database);
    say(`Temporal: ${temporal.source}`);
    say(`database: ${database.source}`);

    const instances = appInstances(
      {
        ...env,
        TEMPORAL_ADDRESS: temporal.address,
        MONGODB_URI: database.address,
        // a JWT_SECRET_FILE of the operator's stands; the apps refuse both at once
        ...(env.JWT_SECRET_FILE
          ? {}
          : { JWT_SECRET: env.JWT_SECRET || devJwtSecret(plan.dataDir) }),
        ...payloadKeySettings(env, plan.dataDir),
        NO_COLOR: process.stdout.isTTY ? env.NO_COLOR : '1',
      },
      replicas,
    );
    await startApps(supervisor, instances);

    const lines = [
      `12368 工单系统已启动 (all healthy in ${seconds(Date.now() - startedAt)})`,
      ...APPS.flatMap((app) =>
        instances
          .filter((instance) => instance.app === app && instance.url)
          .map((instance) => `  ${instance.name.padEnd(15)} ${instance.url}`),
      ),
      `  Temporal UI     http://127.0.0.1:${plan.temporalUiPort}  (namespace ${readSetting(env, 'TEMPORAL_NAMESPACE')})`,
      `  Temporal        ${temporal.address}`,
      `  database        ${database.address}`,
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
