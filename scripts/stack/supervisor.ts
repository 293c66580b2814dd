import { colour, prefixFor, say, seconds, shout } from './console-output';
import { RESTART_POLICY, RestartHistory, RestartPolicy } from './restart-policy';
import { ChildSpec, hasExited, RunningChild, signalGroup, spawnChild } from './spawn-child';

export type { ChildSpec } from './spawn-child';

/** How long a process may take to stop after SIGTERM before it is killed (ChildSpec.stopGraceMs). */
export const STOP_GRACE_MS = 10_000;

/** One process of the stack across its restarts. */
interface Supervised {
  spec: ChildSpec;
  prefix: string;
  current: RunningChild;
  history: RestartHistory;
  /** Ready once: from then on a death is restarted; before, it fails the start. */
  wasReady: boolean;
  restartTimer?: NodeJS.Timeout;
}

/**
 * Starts the stack's processes with prefixed output and keeps them up: a process that dies on
 * its own is reported loudly with its last output lines and restarted with the same command,
 * arguments and environment after an exponential back-off, while the others keep running.
 * The stack fails (`failed` rejects) when a process dies before it was ever ready, or on a
 * crash loop (RestartPolicy). `stopAll` stops everything, newest first.
 */
export class Supervisor {
  private readonly children: Supervised[] = [];
  private stopping = false;
  private onFailure: (error: Error) => void = () => undefined;
  readonly failed: Promise<never>;

  constructor(private readonly policy: RestartPolicy = RESTART_POLICY) {
    this.failed = new Promise<never>((_, reject) => {
      this.onFailure = reject;
    });
    this.failed.catch(() => undefined);
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Starts a process; `ready` resolves once it signalled ready and passed its readiness check. */
  start(spec: ChildSpec): { ready: Promise<void>; pid: number } {
    const prefix = prefixFor(spec.name, this.children.length);
    const first = spawnChild(spec, prefix);
    const supervised: Supervised = {
      spec,
      prefix,
      current: first,
      history: new RestartHistory(this.policy),
      wasReady: false,
    };
    this.children.push(supervised);
    this.watch(supervised, first);
    const ready = this.becomeReady(supervised, first).then(() => {
      supervised.wasReady = true;
    });
    return { ready: Promise.race([ready, this.failed]), pid: first.process.pid ?? -1 };
  }

  private watch(supervised: Supervised, child: RunningChild): void {
    void child.gone.then((why) => this.childGone(supervised, child, why));
  }

  private relaunch(supervised: Supervised): RunningChild {
    const child = spawnChild(supervised.spec, supervised.prefix);
    supervised.current = child;
    this.watch(supervised, child);
    return child;
  }

  /** The IPC ready message, then the spec's readiness check; rejects if the process dies first. */
  private async becomeReady(supervised: Supervised, child: RunningChild): Promise<void> {
    const { name, readiness } = supervised.spec;
    let gone = false;
    const died = child.gone.then((why) => {
      gone = true;
      throw new Error(`${name} ${why} before it was ready`);
    });
    died.catch(() => undefined);
    await Promise.race([child.signalledReady, died]);
    await Promise.race([readiness?.(() => gone || this.stopping), died]);
  }

  private childGone(supervised: Supervised, child: RunningChild, why: string): void {
    const { name } = supervised.spec;
    if (this.stopping || supervised.current !== child) return;
    shout(`${name} exited on its own (${why}). Its last output:`);
    for (const line of child.recentLines) shout(`  ${name} | ${line}`);
    if (!supervised.wasReady) {
      this.onFailure(new Error(`${name} exited on its own (${why}) while starting`));
      return;
    }
    const restart = supervised.history.planRestart(Date.now());
    const { maxRestarts, crashLoopWindowMs } = this.policy;
    const limit = `more than ${maxRestarts} restarts within ${crashLoopWindowMs / 1000} s`;
    if (!restart) {
      shout(`${name} keeps dying (${limit}): giving up`);
      this.onFailure(new Error(`${name} is in a crash loop (${limit})`));
      return;
    }
    shout(
      `restarting ${name} in ${seconds(restart.delayMs)} (restart ${restart.attempt}; ${limit} stop the stack)`,
    );
    const diedAt = Date.now();
    supervised.restartTimer = setTimeout(
      () => void this.restart(supervised, diedAt),
      restart.delayMs,
    );
  }

  private async restart(supervised: Supervised, diedAt: number): Promise<void> {
    supervised.restartTimer = undefined;
    if (this.stopping) return;
    const { name } = supervised.spec;
    const child = this.relaunch(supervised);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.becomeReady(supervised, child),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`not ready after ${seconds(this.policy.readyTimeoutMs)}`)),
            this.policy.readyTimeoutMs,
          );
        }),
      ]);
      say(colour(32, `restarted ${name} in ${seconds(Date.now() - diedAt)}`));
    } catch (error) {
      // A death while getting ready is handled (and counted) by childGone.
      if (this.stopping || hasExited(child)) return;
      const why = error instanceof Error ? error.message : String(error);
      shout(`${name} was restarted but is ${why}; killing it to start it again`);
      signalGroup(child.process.pid!, 'SIGKILL');
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGTERM to each process group, newest first; SIGKILL after its grace period. */
  async stopAll(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    for (const supervised of [...this.children].reverse()) {
      clearTimeout(supervised.restartTimer);
      await this.stopOne(supervised);
    }
  }

  private async stopOne({ spec, current }: Supervised): Promise<void> {
    if (hasExited(current)) return;
    const pid = current.process.pid!;
    const grace = spec.stopGraceMs ?? STOP_GRACE_MS;
    const started = Date.now();
    signalGroup(pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const killed = await Promise.race([
      current.gone.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), grace);
      }),
    ]);
    clearTimeout(timer);
    if (killed) {
      shout(`${spec.name} did not stop within ${seconds(grace)}; killing it`);
      signalGroup(pid, 'SIGKILL');
      await current.gone;
    }
    say(colour(2, `stopped ${spec.name} in ${seconds(Date.now() - started)}`));
  }

  /** The pid of each process's latest run, by name. */
  pids(): Record<string, number> {
    return Object.fromEntries(
      this.children.map(({ spec, current }) => [spec.name, current.process.pid ?? -1]),
    );
  }
}
