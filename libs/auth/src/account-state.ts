import { ConfigError } from '@court/config';
import { type AccountState, type AccountStore, Storage } from '@court/database';
import { Inject, Injectable } from '@nestjs/common';

/** The provider of `accountStateCacheMs()`, read once at start (AuthModule). */
export const AUTH_STATE_CACHE_MS = Symbol('AUTH_STATE_CACHE_MS');

/** How long an account's state is trusted before it is read again (`AUTH_STATE_CACHE_MS`). */
export function accountStateCacheMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.AUTH_STATE_CACHE_MS?.trim();
  if (!raw) return 3_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 60_000) {
    throw new ConfigError([
      `AUTH_STATE_CACHE_MS="${raw}" must be a whole number of milliseconds, 0–60000`,
    ]);
  }
  return value;
}

const MAX_ENTRIES = 10_000;

/**
 * Each account's token version, disabled flag and must-change flag, read by `_id` and kept in
 * this process for a few seconds: the guard asks on every request, the database sees at most
 * one read per account per period. Concurrent misses share one read. This process's own
 * account changes drop the entry at once (`forget`); other processes see them within the period.
 */
@Injectable()
export class AccountStateCache {
  private readonly entries = new Map<string, { at: number; state: Promise<AccountState | null> }>();
  private readonly store: AccountStore;
  constructor(
    storage: Storage,
    @Inject(AUTH_STATE_CACHE_MS) private readonly ttlMs: number,
  ) {
    this.store = storage.accounts;
  }

  get(id: string, now = Date.now()): Promise<AccountState | null> {
    const entry = this.entries.get(id);
    if (entry && now - entry.at < this.ttlMs) return entry.state;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const state = this.store.state(id);
    this.entries.set(id, { at: now, state });
    // A failed read is not cached: the next request tries again.
    state.catch(() => {
      if (this.entries.get(id)?.state === state) this.entries.delete(id);
    });
    return state;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
