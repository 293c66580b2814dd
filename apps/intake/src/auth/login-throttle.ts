/**
 * Failed-login limits, per account and per client address, in this process's memory: after
 * `max` failures within `windowMs`, further attempts are refused until the oldest failure
 * leaves the window. One intake process is what the embedded default runs; several processes
 * behind a balancer would each keep their own count (a shared store would be the next step).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: { maxPerUser: number; maxPerAddress: number; windowMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until a new attempt is allowed; 0 when it is allowed now. */
  retryAfterMs(username: string, address: string): number {
    return Math.max(
      this.wait(`u:${username.toLowerCase()}`, this.limits.maxPerUser),
      this.wait(`a:${address}`, this.limits.maxPerAddress),
    );
  }

  recordFailure(username: string, address: string): void {
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.prune();
  }

  /** A successful login clears the account's failures (not the address's). */
  recordSuccess(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private wait(key: string, max: number): number {
    const list = this.recent(key);
    if (list.length < max) return 0;
    return list[list.length - max]! + this.limits.windowMs - this.now();
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      const list = this.recent(key);
      if (list.length === 0) this.failures.delete(key);
      else this.failures.set(key, list);
    }
  }
}
