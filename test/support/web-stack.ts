import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { ensureNamespace } from '../../libs/temporal/src/namespace-setup';
import { APPS, type AppSpec, appEntry } from '../../scripts/stack/apps';
import { freePort, httpOk, waitUntil } from '../../scripts/stack/probes';
import { signalGroup } from '../../scripts/stack/spawn-child';
import { TICKET_SEARCH_ATTRIBUTES } from '../../workflows/ticket/contract';
import { testDatabaseUri, testEnv } from './test-env';
import { DEMO_PASSWORD } from './web-fixtures';

const ROOT = join(__dirname, '..', '..');
const WEB_ROOT = join(ROOT, 'dist', 'web');
const LOG_LINES = 40;
const STOP_GRACE_MS = 10_000;

interface RunningApp {
  name: AppSpec['name'];
  child: ChildProcess;
  exited: Promise<void>;
  lines: string[];
}

/** The newest modification time of a tree's files (the web app's sources). */
function newestFile(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** dist/web, built first when missing or older than apps/web (builtAppEntry watches only .ts). */
export function builtWebRoot(): string {
  const index = join(WEB_ROOT, 'index.html');
  const sources = join(ROOT, 'apps', 'web');
  if (!existsSync(index) || statSync(index).mtimeMs < newestFile(sources)) {
    const result = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm run build:web failed (exit ${result.status})`);
  }
  return WEB_ROOT;
}

export interface WebStackOptions {
  /** Names the stack's Temporal namespace and database: one per test file. */
  name: string;
  /** Settings of its own, e.g. short policy durations (API.md "Policy settings"). */
  env?: Record<string, string>;
}

/**
 * The four built apps as `npm start` runs them (scripts/stack/apps.ts), as child processes on
 * free ports, on the run's Temporal server and database server but in a namespace and a
 * database of their own: their task queues (`tickets`, `notifications`, `reporting`) are fixed
 * names, and other test files run workers on them in the run's namespace.
 */
export class WebStack {
  readonly namespace: string;
  readonly databaseUri: string;
  baseUrl = '';
  private apps: RunningApp[] = [];
  private tokens = new Map<string, string>();
  private stopping = false;
  private namespaceCreated = false;
  /** Attachments of this stack only: ticket numbers restart with each run's database. */
  private readonly attachmentsDir = mkdtempSync(join(tmpdir(), 'court12368-attachments-'));

  constructor(private readonly options: WebStackOptions) {
    this.namespace = `${testEnv().namespace}-${options.name}`;
    this.databaseUri = testDatabaseUri(`web_${options.name.replace(/\W/g, '_')}`);
  }

  async start(): Promise<this> {
    const { temporalAddress } = testEnv();
    // The global set-up builds the apps and the web bundle once per run, before any file starts.
    const missing = [...APPS.map((app) => appEntry(app.name)), join(WEB_ROOT, 'index.html')].filter(
      (path) => !existsSync(path),
    );
    if (missing.length > 0) {
      throw new Error(
        `not built: ${missing.join(', ')}; run \`npm run build\` (or jest, whose set-up builds)`,
      );
    }
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      await ensureNamespace(connection, this.namespace, TICKET_SEARCH_ATTRIBUTES, 1);
      this.namespaceCreated = true;
    } finally {
      await connection.close();
    }
    if (this.stopping) throw new Error(`web stack ${this.options.name} stopped while starting`);
    const ports = {
      INTAKE_PORT: String(await freePort()),
      NOTIFICATION_PORT: String(await freePort()),
      REPORTING_PORT: String(await freePort()),
      WORKER_HEALTH_PORT: String(await freePort()),
    };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...ports,
      NOTIFICATION_URL: `http://127.0.0.1:${ports.NOTIFICATION_PORT}`,
      REPORTING_URL: `http://127.0.0.1:${ports.REPORTING_PORT}`,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: this.namespace,
      MONGODB_URI: this.databaseUri,
      JWT_SECRET: process.env.JWT_SECRET,
      DEMO_SEED: 'true',
      DEMO_PASSWORD,
      NOTIFY_QUIET_HOURS: 'off',
      NO_COLOR: '1',
      ATTACHMENTS_DIR: this.attachmentsDir,
      ...this.options.env,
    };
    this.baseUrl = `http://127.0.0.1:${ports.INTAKE_PORT}`;
    try {
      await Promise.all(
        APPS.map(async (app) => {
          const running = this.spawn(app, appEntry(app.name), env);
          if (!app.portEnv) return;
          const health = `http://127.0.0.1:${env[app.portEnv]}/health`;
          await waitUntil(
            `${app.name} ${health}`,
            () => httpOk(health),
            90_000,
            () => Boolean(running.child.exitCode !== null || running.child.signalCode),
          );
        }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`web stack ${this.options.name} did not start: ${message}\n${this.logs()}`);
    }
    return this;
  }

  private spawn(app: AppSpec, entry: string, env: NodeJS.ProcessEnv): RunningApp {
    // A start that outlived its hook's timeout must not leave processes behind a stop().
    if (this.stopping) throw new Error(`web stack ${this.options.name} stopped while starting`);
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', ...(app.nodeFlags ?? []), entry],
      { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const running: RunningApp = {
      name: app.name,
      child,
      lines: [],
      exited: new Promise((resolve) => child.once('exit', () => resolve())),
    };
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => {
        running.lines.push(line);
        if (running.lines.length > LOG_LINES) running.lines.shift();
      });
    }
    child.once('exit', (code, signal) => {
      if (!this.stopping) {
        running.lines.push(`[web-stack] ${app.name} exited on its own (${signal ?? code})`);
      }
    });
    this.apps.push(running);
    return running;
  }

  /** The apps' last output lines, for a failure's report. */
  logs(): string {
    return this.apps
      .map((app) =>
        [`--- ${app.name} (last ${app.lines.length} lines) ---`, ...app.lines].join('\n'),
      )
      .join('\n');
  }

  /** Every app still running (none exited on its own). */
  allRunning(): boolean {
    return this.apps.every((app) => app.child.exitCode === null && !app.child.signalCode);
  }

  /** SIGTERM to each app's process group, SIGKILL after a grace period; then drops its data. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.apps.map(async ({ child, exited }) => {
        if (child.exitCode !== null || child.signalCode || child.pid === undefined) return;
        signalGroup(child.pid, 'SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const killed = await Promise.race([
          exited.then(() => false),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), STOP_GRACE_MS);
          }),
        ]);
        clearTimeout(timer);
        if (killed) {
          signalGroup(child.pid, 'SIGKILL');
          await exited;
        }
      }),
    );
    for (const { child } of this.apps) {
      child.stdout?.destroy();
      child.stderr?.destroy();
    }
    this.apps = [];
    rmSync(this.attachmentsDir, { recursive: true, force: true });
    await this.dropData();
  }

  private async dropData(): Promise<void> {
    const database = mongoose.createConnection(this.databaseUri, {
      serverSelectionTimeoutMS: 2_000,
    });
    await database
      .asPromise()
      .then(() => database.dropDatabase())
      .catch((error) => console.warn(`[web-stack] could not drop ${this.databaseUri}: ${error}`))
      .finally(() => database.close());
    if (!this.namespaceCreated) return;
    const connection = await Connection.connect({ address: testEnv().temporalAddress }).catch(
      () => null,
    );
    await connection?.operatorService
      .deleteNamespace({ namespace: this.namespace })
      .catch((error) => console.warn(`[web-stack] could not delete ${this.namespace}: ${error}`));
    await connection?.close();
  }

  /** A demo user's access token, from the login API. */
  async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      const response = await fetch(`${this.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      if (response.status !== 200) {
        throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
      }
      token = ((await response.json()) as { accessToken: string }).accessToken;
      this.tokens.set(username, token);
    }
    return token;
  }

  /** Calls the API as a demo user; fails on an answer other than 2xx. */
  async api<T = Record<string, unknown>>(
    username: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(username)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${method} ${path} as ${username}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}
