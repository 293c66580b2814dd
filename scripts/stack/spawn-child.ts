import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { childOutputLines } from './console-output';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Opens an IPC channel; the child reports readiness with `process.send({ type: 'ready' })`. */
  ipc?: boolean;
  /**
   * Resolves once the process serves (answers its health check, its protocol); awaited after
   * the IPC ready message at the first start and after every restart. `isGone` turns true when
   * the process dies or the stack stops, so that polling can end early.
   */
  readiness?: (isGone: () => boolean) => Promise<void>;
  /** How long a SIGTERM may take before SIGKILL; longer for a worker that drains its tasks. */
  stopGraceMs?: number;
}

const RECENT_LINES = 20;
const OUTPUT_DRAIN_MS = 500;

/** One run of a child process: its output prefixed and remembered, its end as a promise. */
export interface RunningChild {
  process: ChildProcess;
  /** Resolves once the process has gone, with why: `code 1`, `SIGKILL`, a spawn error. */
  gone: Promise<string>;
  /** Resolves on the IPC `{ type: 'ready' }` message, or at once without IPC. */
  signalledReady: Promise<void>;
  /** Its last output lines, for the report when it dies. */
  recentLines: string[];
}

/** Starts the process in a process group of its own (so that a stop reaches its children). */
export function spawnChild(spec: ChildSpec, prefix: string): RunningChild {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    detached: true,
    stdio: spec.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const recentLines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      recentLines.push(line);
      if (recentLines.length > RECENT_LINES) recentLines.shift();
      for (const text of childOutputLines(spec.name, prefix, line)) console.log(text);
    });
  }
  const gone = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      const why = signal ?? `code ${code}`;
      // Its last lines (a crash's stack trace) may still be in the pipes: wait for them, but not
      // for long, since a process it left behind may hold them open.
      const timer = setTimeout(() => resolve(why), OUTPUT_DRAIN_MS);
      child.once('close', () => {
        clearTimeout(timer);
        resolve(why);
      });
    });
    // Without a pid the process never started (no such command, no permission): no 'exit' follows.
    child.on('error', (error) => {
      if (child.pid === undefined) resolve(`could not start: ${error.message}`);
    });
  });
  const signalledReady = spec.ipc
    ? new Promise<void>((resolve) =>
        child.on('message', (message: { type?: string }) => {
          if (message?.type === 'ready') resolve();
        }),
      )
    : Promise.resolve();
  return { process: child, gone, signalledReady, recentLines };
}

export function hasExited(child: RunningChild): boolean {
  const { process: proc } = child;
  return proc.pid === undefined || proc.exitCode !== null || proc.signalCode !== null;
}

/** Signals the child's whole process group, or the child alone when it has no group. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
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
