/** When the supervisor restarts a process that died on its own, and when it gives up. */
export interface RestartPolicy {
  /** The wait before the first restart; doubled for each further restart within the window. */
  backoffBaseMs: number;
  /** The longest wait before a restart. */
  backoffMaxMs: number;
  /** More restarts of one process than this within `crashLoopWindowMs` is a crash loop. */
  maxRestarts: number;
  crashLoopWindowMs: number;
  /** How long a restarted process may take to be ready again before it is killed and retried. */
  readyTimeoutMs: number;
}

/** The defaults of `npm start` (docs/embedded-stack.md): 1 s, 2 s, 4 s … 30 s; 5 in 2 min. */
export const RESTART_POLICY: RestartPolicy = {
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  maxRestarts: 5,
  crashLoopWindowMs: 120_000,
  readyTimeoutMs: 90_000,
};

export interface PlannedRestart {
  delayMs: number;
  /** Which restart this is within the crash-loop window (1 for the first). */
  attempt: number;
}

/**
 * One process's recent restarts: the back-off before the next one, or null once it has been
 * restarted too often too quickly. A process that stays up for a whole window starts again
 * from the shortest back-off.
 */
export class RestartHistory {
  private restartTimes: number[] = [];

  constructor(private readonly policy: RestartPolicy = RESTART_POLICY) {}

  /** Records a death at `now`; returns the restart to make, or null for a crash loop. */
  planRestart(now: number): PlannedRestart | null {
    const { backoffBaseMs, backoffMaxMs, maxRestarts, crashLoopWindowMs } = this.policy;
    this.restartTimes = this.restartTimes.filter((time) => now - time < crashLoopWindowMs);
    if (this.restartTimes.length >= maxRestarts) return null;
    this.restartTimes.push(now);
    const attempt = this.restartTimes.length;
    return { delayMs: Math.min(backoffBaseMs * 2 ** (attempt - 1), backoffMaxMs), attempt };
  }
}
