import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { ensureNamespace } from '../../libs/temporal/src/namespace-setup';
import { freePort, mongoAnswers, temporalAnswers } from '../../scripts/stack/probes';
import { ProvidedServer, provideDatabase, provideTemporal } from '../../scripts/stack/servers';
import { Supervisor } from '../../scripts/stack/supervisor';
import { TICKET_SEARCH_ATTRIBUTES } from '../../workflows/ticket/contract';
import { builtAppEntry } from './built-app';
import { TEST_PAYLOAD_KEYS } from './test-payload-key';
import { TEST_STATE_KEY, TestServersState } from './test-servers-state';
import { builtWebRoot } from './web-stack';

/** Unit tests need no server: `npm run test:unit` (jest --selectProjects unit) skips all this. */
function onlyUnitTests(): boolean {
  const index = process.argv.indexOf('--selectProjects');
  if (index < 0) return false;
  const selected = process.argv.slice(index + 1).filter((arg) => !arg.startsWith('-'));
  return selected.length > 0 && selected.every((name) => name === 'unit');
}

/** Whether the browser tests run: all projects, or `--selectProjects … browser …`. */
function browserTestsSelected(): boolean {
  const index = process.argv.indexOf('--selectProjects');
  if (index < 0) return true;
  return process.argv.slice(index + 1).some((arg) => arg === 'browser');
}

/** The Java time-skipping test server (a no-op in well under a second when up to date). */
function installTimeSkippingServer(): void {
  const script = join(__dirname, '..', '..', 'scripts', 'tools', 'install-temporal-test-server.sh');
  const result = spawnSync('bash', [script], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${script} failed (exit code ${result.status})`);
}

/**
 * Reuses the Temporal and database servers at TEMPORAL_ADDRESS / MONGODB_URI when they
 * answer (a running `npm start`), else starts throw-away ones on free ports (so that test runs
 * side by side do not collide). Either way the
 * run gets a namespace and a database of its own, so tests never touch dev data.
 */
export default async function globalSetup(): Promise<void> {
  if (onlyUnitTests()) return;
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const configuredTemporal = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const configuredMongo = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/court12368';

  installTimeSkippingServer();
  if (browserTestsSelected()) {
    // The browser tests run the built apps and web bundle: built here, once, before any test
    // file starts (a no-op when up to date), so that no two files build at the same time.
    builtAppEntry('intake');
    builtWebRoot();
  }
  const supervisor = new Supervisor();
  const scratch = mkdtempSync(join(tmpdir(), 'court12368-test-'));
  const plan = {
    temporalAddress: (await temporalAnswers(configuredTemporal))
      ? configuredTemporal
      : (process.env.TEST_TEMPORAL_ADDRESS ?? `127.0.0.1:${await freePort()}`),
    mongodbUri: (await mongoAnswers(configuredMongo))
      ? configuredMongo
      : (process.env.TEST_MONGODB_URI ?? `mongodb://127.0.0.1:${await freePort()}/court12368`),
    temporalUiPort: 0,
    dataDir: scratch,
    persistent: false,
    ui: false,
  };
  const servers: ProvidedServer[] = await Promise.all([
    provideTemporal(supervisor, plan),
    provideDatabase(supervisor, plan),
  ]);
  const [temporal, database] = servers as [ProvidedServer, ProvidedServer];
  console.log(`\n[tests] Temporal: ${temporal.source}\n[tests] database: ${database.source}`);

  const namespace = `test-${runId}`;
  const connection = await Connection.connect({ address: temporal.address });
  try {
    await ensureNamespace(connection, namespace, TICKET_SEARCH_ATTRIBUTES, 1);
  } finally {
    await connection.close();
  }
  const mongoUrl = new URL(database.address);
  mongoUrl.pathname = `/court12368_test_${runId}`;

  process.env.TEMPORAL_ADDRESS = temporal.address;
  process.env.TEMPORAL_NAMESPACE = namespace;
  process.env.MONGODB_URI = mongoUrl.toString();
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  // The workers of parallel stacks (browser tests) must not all bind the SDK metrics port 9464.
  process.env.WORKER_METRICS_PORT ??= 'off';
  // Every app, worker and client of the run encrypts workflow payloads, as in production.
  if (!process.env.PAYLOAD_KEY_FILE) process.env.PAYLOAD_KEYS ??= TEST_PAYLOAD_KEYS;
  console.log(`[tests] namespace ${namespace}, database ${mongoUrl.pathname.slice(1)}`);

  const state: TestServersState = {
    supervisor,
    servers,
    namespace,
    mongodbUri: mongoUrl.toString(),
  };
  (globalThis as Record<string, unknown>)[TEST_STATE_KEY] = state;
}
