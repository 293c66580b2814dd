import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../stack/paths';
import { freePort } from '../stack/probes';

/** The processes of the stack a round may kill, and how each shows in `ps`. */
export const TARGETS = {
  worker: 'dist/apps/worker/src/main.js',
  notification: 'dist/apps/notification/src/main.js',
  intake: 'dist/apps/intake/src/main.js',
  database: 'ferretdb-launcher',
  temporal: 'server start-dev',
} as const;

export type Target = keyof typeof TARGETS;

/**
 * `npm start`'s own start script, as a child, on loopback ports and a data folder of its own
 * (so that it never touches a running stack), its output in a log file.
 */
export class StackUnderTest {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'court12368-chaos-'));
  readonly logFile = join(this.dataDir, 'stack.log');
  private child: ChildProcess | null = null;
  ports: Record<'intake' | 'notification' | 'reporting' | 'worker', number> = {
    intake: 0,
    notification: 0,
    reporting: 0,
    worker: 0,
  };
  mongodbUri = '';
  temporalAddress = '';

  constructor(private readonly replicas = 1) {}

  /** The intake URL of each replica (the second at INTAKE_PORT + 10, as `npm start` does). */
  get intakeUrls(): string[] {
    return Array.from(
      { length: this.replicas },
      (_, i) => `http://127.0.0.1:${this.ports.intake + 10 * i}`,
    );
  }

  async start(): Promise<void> {
    const [temporal, ui, database, intake, notification, reporting, worker] = await Promise.all(
      Array.from({ length: 7 }, () => freePort()),
    );
    this.ports = {
      intake: intake!,
      notification: notification!,
      reporting: reporting!,
      worker: worker!,
    };
    this.mongodbUri = `mongodb://127.0.0.1:${database}/court12368`;
    this.temporalAddress = `127.0.0.1:${temporal}`;
    const log = createWriteStream(this.logFile);
    this.child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'scripts', 'start.js')], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATA_DIR: this.dataDir,
        TEMPORAL_ADDRESS: this.temporalAddress,
        TEMPORAL_UI_PORT: String(ui),
        MONGODB_URI: this.mongodbUri,
        INTAKE_PORT: String(intake),
        NOTIFICATION_PORT: String(notification),
        REPORTING_PORT: String(reporting),
        WORKER_HEALTH_PORT: String(worker),
        WORKER_METRICS_PORT: 'off',
        STACK_REPLICAS: String(this.replicas),
        NO_COLOR: '1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
  }

  /** Every service's `/health`, each replica's included. */
  get healthUrls(): string[] {
    const ports = [this.ports.reporting];
    for (let i = 0; i < this.replicas; i++) {
      ports.push(
        this.ports.intake + 10 * i,
        this.ports.notification + 10 * i,
        this.ports.worker + 10 * i,
      );
    }
    return ports.map((port) => `http://127.0.0.1:${port}/health`);
  }

  /** The start script's pid: every process of the stack runs below it. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.ports.intake}`;
  }

  /** Whether the stack's start process is still running (false: it gave up). */
  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The pid of a target process among the start script's children, or null when it has none. */
  pidOf(target: Target): number | null {
    if (!this.child?.pid) return null;
    const table = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
    for (const line of table.split('\n')) {
      const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
      if (!match || Number(match[2]) !== this.child.pid) continue;
      if (match[3]!.includes(TARGETS[target])) return Number(match[1]);
    }
    return null;
  }

  kill(target: Target): number {
    const pid = this.pidOf(target);
    if (pid === null) throw new Error(`no ${target} process found under the stack`);
    process.kill(pid, 'SIGKILL');
    return pid;
  }

  async stop(): Promise<number | null> {
    const child = this.child;
    if (!child || !this.alive) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}
