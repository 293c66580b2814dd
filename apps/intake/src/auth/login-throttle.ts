/** Failed-login limits (`IntakeSettings.login`). */
export interface LoginLimits {
  /** Failures of one account allowed before the back-off starts (`LOGIN_MAX_FAILURES_PER_USER`). */
  maxPerUser: number;
  /** Failures from one address allowed within `windowMs` (`LOGIN_MAX_FAILURES_PER_ADDRESS`). */
  maxPerAddress: number;
  /** How long failures are remembered (`LOGIN_LOCKOUT_SECONDS`). */
  windowMs: number;
  /** The first back-off wait of an account (`LOGIN_BACKOFF_BASE_SECONDS`, default 1 s). */
  backoffBaseMs?: number;
  /** The longest back-off wait of an account (`LOGIN_BACKOFF_MAX_SECONDS`, default 300 s). */
  backoffMaxMs?: number;
}

/** The wait after `failures` failures of one account: none up to `free`, then doubling, capped. */
export function backoffMs(failures: number, free: number, baseMs: number, maxMs: number): number {
  if (failures < free) return 0;
  const doublings = Math.min(failures - free, 40);
  return Math.min(baseMs * 2 ** doublings, maxMs);
}

/**
 * Failed-login limits, in this process's memory.
 *
 * Per account: the first `maxPerUser` failures cost nothing; then each further attempt must
 * wait an exponentially growing time after the last failure (base, 2·base, 4·base, … capped at
 * `backoffMaxMs`), so that guessing slows to one try per cap while the owner, who gets it
 * right once the short wait is over, is never locked out for long by someone merely naming
 * the account. Failures are forgotten `windowMs` after the last one, and at a success.
 *
 * Per address: at most `maxPerAddress` failures within `windowMs` (a sliding window), across
 * accounts — the guesser who tries many accounts once each.
 *
 * One intake process is what the embedded default runs; several processes behind a balancer
 * would each keep their own counts (a shared store would be the next step).
 */
export class LoginThrottle {
  private readonly accounts = new Map<string, { failures: number; last: number }>();
  private readonly addresses = new Map<string, number[]>();
  private readonly baseMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly limits: LoginLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.baseMs = limits.backoffBaseMs ?? 1_000;
    this.maxMs = limits.backoffMaxMs ?? 300_000;
  }

  /** Milliseconds until a new attempt is allowed; 0 when it is allowed now. */
  retryAfterMs(username: string, address: string): number {
    return Math.max(this.accountWait(username), this.addressWait(address));
  }

  recordFailure(username: string, address: string): void {
    const key = accountKey(username);
    const current = this.accountEntry(key);
    this.accounts.set(key, { failures: (current?.failures ?? 0) + 1, last: this.now() });
    const list = this.recent(address);
    list.push(this.now());
    this.addresses.set(address, list);
    if (this.accounts.size + this.addresses.size > 100_000) this.prune();
  }

  /** A successful login clears the account's failures (not the address's). */
  recordSuccess(username: string): void {
    this.accounts.delete(accountKey(username));
  }

  /** The account's failures still remembered (for tests and logs). */
  failuresOf(username: string): number {
    return this.accountEntry(accountKey(username))?.failures ?? 0;
  }

  private accountEntry(key: string) {
    const entry = this.accounts.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.last >= this.limits.windowMs) {
      this.accounts.delete(key);
      return undefined;
    }
    return entry;
  }

  private accountWait(username: string): number {
    const entry = this.accountEntry(accountKey(username));
    if (!entry) return 0;
    const wait = backoffMs(entry.failures, this.limits.maxPerUser, this.baseMs, this.maxMs);
    return Math.max(0, entry.last + wait - this.now());
  }

  private recent(address: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.addresses.get(address) ?? []).filter((t) => t > since);
  }

  private addressWait(address: string): number {
    const list = this.recent(address);
    const max = this.limits.maxPerAddress;
    if (list.length < max) return 0;
    return list[list.length - max]! + this.limits.windowMs - this.now();
  }

  private prune(): void {
    for (const key of [...this.accounts.keys()]) this.accountEntry(key);
    for (const address of [...this.addresses.keys()]) {
      const list = this.recent(address);
      if (list.length === 0) this.addresses.delete(address);
      else this.addresses.set(address, list);
    }
  }
}

function accountKey(username: string): string {
  return username.toLowerCase();
}
