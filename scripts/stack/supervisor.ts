import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { colour, prefixFor, say, seconds, shout } from './console-output';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Opens an IPC channel; the child reports readiness with `process.send({ type: 'ready' })`. */
  ipc?: boolean;
}

interface Managed {
  spec: ChildSpec;
  process: ChildProcess;
  exited: Promise<void>;
  ready: Promise<void>;
  recentLines: string[];
}

const STOP_GRACE_MS = 10_000;

/**
 * Starts the stack's processes with prefixed output, stops them all (newest first) on a
 * signal, and treats any child that dies on its own as a failure of the whole stack:
 * it is reported loudly with its last output lines and the stack is brought down.
 */
export class Supervisor {
  private readonly children: Managed[] = [];
  private stopping = false;
  private onFailure: (error: Error) => void = () => undefined;
  readonly failed: Promise<never>;

  constructor() {
    this.failed = new Promise<never>((_, reject) => {
      this.onFailure = reject;
    });
    this.failed.catch(() => undefined);
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  start(spec: ChildSpec): { ready: Promise<void>; pid: number } {
    const prefix = prefixFor(spec.name, this.children.length);
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      detached: true,
      stdio: spec.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    const managed: Managed = {
      spec,
      process: child,
      recentLines: [],
      exited: new Promise((resolve) => child.once('exit', () => resolve())),
      ready: spec.ipc
        ? new Promise((resolve) =>
            child.on('message', (message: { type?: string }) => {
              if (message?.type === 'ready') resolve();
            }),
          )
        : Promise.resolve(),
    };
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        managed.recentLines.push(line);
        if (managed.recentLines.length > 20) managed.recentLines.shift();
        console.log(`${prefix}${line}`);
      });
    }
    child.once('error', (error) => this.childFailed(managed, error.message));
    child.once('exit', (code, signal) => {
      if (!this.stopping)
        this.childFailed(managed, `exited on its own (${signal ?? `code ${code}`})`);
    });
    this.children.push(managed);
    return { ready: Promise.race([managed.ready, this.failed]), pid: child.pid ?? -1 };
  }

  private childFailed(managed: Managed, why: string): void {
    if (this.stopping) return;
    shout(`${managed.spec.name} ${why}. Its last output:`);
    for (const line of managed.recentLines) shout(`  ${managed.spec.name} | ${line}`);
    this.onFailure(new Error(`${managed.spec.name} ${why}`));
  }

  /** SIGTERM to each process group, newest first; SIGKILL after a grace period. */
  async stopAll(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    for (const managed of [...this.children].reverse()) {
      const { process: child, spec } = managed;
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
      const started = Date.now();
      signalGroup(child.pid, 'SIGTERM');
      const killed = await Promise.race([
        managed.exited.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_GRACE_MS).unref()),
      ]);
      if (killed) {
        shout(`${spec.name} did not stop within ${seconds(STOP_GRACE_MS)}; killing it`);
        signalGroup(child.pid, 'SIGKILL');
        await managed.exited;
      }
      say(`${colour(2, `stopped ${spec.name} in ${seconds(Date.now() - started)}`)}`);
    }
  }

  pids(): Record<string, number> {
    return Object.fromEntries(this.children.map((c) => [c.spec.name, c.process.pid ?? -1]));
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}
