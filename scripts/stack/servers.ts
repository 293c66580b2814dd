import { join } from 'node:path';
import { parseHostPort } from '../../libs/config/src/service-config';
import { searchAttributeCliFlags } from '../../libs/temporal/src/search-attributes';
import { TICKET_SEARCH_ATTRIBUTES } from '../../workflows/ticket/contract';
import { say, seconds } from './console-output';
import { ensureFerretDbLauncher, ensureTemporalCli, onPath } from './go-tools';
import { ensurePrivateFolder } from './private-folder';
import { httpOk, mongoAnswers, temporalAnswers, waitUntil } from './probes';
import { Supervisor } from './supervisor';

export interface ServerPlan {
  temporalAddress: string;
  temporalUiPort: number;
  mongodbUri: string;
  /** Where the servers keep their files; absent: in memory / a throw-away folder. */
  dataDir: string;
  /** Keep Temporal's state in a SQLite file under dataDir (tickets survive a restart). */
  persistent: boolean;
  ui: boolean;
  /** The payload codec the Web UI decodes workflow payloads with (only with `ui`). */
  uiCodecEndpoint?: string;
}

export interface ProvidedServer {
  address: string;
  source: string;
  /** For servers that live inside this process (the SDK's downloaded CLI, mongodb-memory-server). */
  stop?: () => Promise<void>;
}

const START_TIMEOUT_MS = 90_000;

function hostPortOf(address: string): { host: string; port: number } {
  const parsed = parseHostPort(address);
  if (!parsed) throw new Error(`not a host:port address: ${address}`);
  return parsed;
}

function uiFlags(host: string, plan: ServerPlan): string[] {
  const flags = ['--ui-ip', host, '--ui-port', String(plan.temporalUiPort)];
  return plan.uiCodecEndpoint ? [...flags, '--ui-codec-endpoint', plan.uiCodecEndpoint] : flags;
}

/**
 * Temporal, resolved in this order: a server already answering at TEMPORAL_ADDRESS; the
 * CLI built from its Go module into .tools/bin (built now if Go is installed); a `temporal`
 * on PATH; the Temporal SDK's own download of the CLI.
 */
export async function provideTemporal(
  supervisor: Supervisor,
  plan: ServerPlan,
): Promise<ProvidedServer> {
  const { temporalAddress: address } = plan;
  if (await temporalAnswers(address)) {
    return { address, source: `already running at ${address} (reused)` };
  }
  const { host, port } = hostPortOf(address);
  const dbFile = join(plan.dataDir, 'temporal.sqlite');
  if (plan.persistent) ensurePrivateFolder(plan.dataDir);

  const cli = (await ensureTemporalCli()) ?? onPath('temporal');
  if (cli) {
    const args = [
      'server',
      'start-dev',
      '--ip',
      host,
      '--port',
      String(port),
      '--log-level',
      'error',
      '--log-format',
      'json',
      // WAL with synchronous=NORMAL, as the FerretDB launcher does: a crash loses nothing,
      // and a commit no longer writes a rollback journal and waits for its fsyncs (docs/design-notes.md).
      ...(plan.persistent
        ? [
            '--db-filename',
            dbFile,
            '--sqlite-pragma',
            'journal_mode=wal',
            '--sqlite-pragma',
            'synchronous=normal',
          ]
        : []),
      ...(plan.ui ? uiFlags(host, plan) : ['--headless']),
      ...searchAttributeCliFlags(TICKET_SEARCH_ATTRIBUTES),
    ];
    const started = Date.now();
    const { ready } = supervisor.start({
      name: 'temporal',
      command: cli,
      args,
      readiness: async (isGone) => {
        await waitUntil(
          'Temporal dev server',
          () => temporalAnswers(address),
          START_TIMEOUT_MS,
          isGone,
        );
        if (plan.ui) {
          const ui = `http://${host}:${plan.temporalUiPort}/`;
          await waitUntil('Temporal Web UI', () => httpOk(ui), 30_000, isGone);
        }
      },
    });
    await ready;
    say(`Temporal dev server ready in ${seconds(Date.now() - started)}`);
    const how = cli.startsWith(process.cwd()) ? 'built from its Go module' : 'found on PATH';
    return { address, source: `dev server started from ${cli} (${how})` };
  }

  say('No Go toolchain and no `temporal` on PATH: using the Temporal SDK download of the CLI');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: host,
      port,
      ui: plan.ui,
      uiPort: plan.temporalUiPort,
      dbFilename: plan.persistent ? dbFile : undefined,
      searchAttributes: [...TICKET_SEARCH_ATTRIBUTES],
      extraArgs:
        plan.ui && plan.uiCodecEndpoint ? ['--ui-codec-endpoint', plan.uiCodecEndpoint] : [],
    },
  });
  return {
    address,
    source: 'dev server from the Temporal SDK download (cached-download)',
    stop: () => env.teardown(),
  };
}

/**
 * The database, resolved in this order: a server already answering at MONGODB_URI; the
 * FerretDB launcher built from tools/ferretdb (if Go is installed); a `mongod` on PATH;
 * a `mongod` downloaded by mongodb-memory-server.
 */
export async function provideDatabase(
  supervisor: Supervisor,
  plan: ServerPlan,
): Promise<ProvidedServer> {
  const uri = plan.mongodbUri;
  if (await mongoAnswers(uri)) return { address: uri, source: 'already running (reused)' };
  const url = new URL(uri);
  const host = url.hostname;
  const port = Number(url.port || 27017);
  const started = Date.now();

  const ferret = await ensureFerretDbLauncher();
  const mongod = ferret ? null : onPath('mongod');
  if (ferret || mongod) {
    const folder = join(plan.dataDir, ferret ? 'ferretdb' : 'mongodb');
    ensurePrivateFolder(folder);
    const readiness = (isGone: () => boolean) =>
      waitUntil('database server', () => mongoAnswers(uri), START_TIMEOUT_MS, isGone);
    const { ready } = ferret
      ? supervisor.start({
          name: 'ferretdb',
          command: ferret,
          args: [
            '-listen',
            `${host}:${port}`,
            '-data',
            folder,
            '-log-level',
            'error',
            '-exit-with-parent',
          ],
          readiness,
        })
      : supervisor.start({
          name: 'mongod',
          command: mongod!,
          args: ['--dbpath', folder, '--bind_ip', host, '--port', String(port)],
          readiness,
        });
    await ready;
    say(`database server ready in ${seconds(Date.now() - started)}`);
    return {
      address: uri,
      source: ferret ? `FerretDB (SQLite backend) from ${ferret}` : `mongod from ${mongod}`,
    };
  }

  say('No Go toolchain and no `mongod` on PATH: downloading mongod with mongodb-memory-server');
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const folder = join(plan.dataDir, 'mongodb');
  ensurePrivateFolder(folder);
  const server = await MongoMemoryServer.create({
    instance: { ip: host, port, dbPath: folder, storageEngine: 'wiredTiger' },
  });
  return {
    address: uri,
    source: 'mongod downloaded by mongodb-memory-server',
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}
