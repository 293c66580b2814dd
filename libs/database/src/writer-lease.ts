import { randomBytes } from 'node:crypto';

/*
 * A read model that several processes write keeps each process's writes in documents of its
 * own, named by a writer id: FerretDB 1.24 applies an update by reading and rewriting the whole
 * document without a lock, so two processes updating one document lose each other's fields.
 *
 * The documents of a dead writer may be merged into fewer and removed. A writer is dead when its
 * latest sign of life (the time stamped on its latest write) is WRITER_DEAD_MS old; a live
 * writer never writes under an id whose latest sign of life is WRITER_LEASE_MS old, it takes a
 * new id instead. A write could thus be lost in a merge only if it took a whole day to land.
 */
export const WRITER_LEASE_MS = 86_400_000;
export const WRITER_DEAD_MS = 2 * WRITER_LEASE_MS;

/** A fresh writer id: 8 characters of [A-Za-z0-9_-], none of `.`, `#`, `@`, `$` or space. */
export function newWriterId(): string {
  return randomBytes(6).toString('base64url');
}

export function isDeadWriter(lastSeenAt: number, now: number): boolean {
  return now - lastSeenAt > WRITER_DEAD_MS;
}

/** The writer id of one store in one process, renewed by its writes, replaced after a lease. */
export class WriterLease {
  private id: string | null = null;
  private seenAt = 0;

  /** The id to write under at `now`: a new one at first, and once the lease has run out. */
  at(now: number): string {
    if (this.id === null || now - this.seenAt > WRITER_LEASE_MS) {
      this.id = newWriterId();
      this.seenAt = now;
    }
    return this.id;
  }

  /** A write under `id` stamped `at` is stored: the id's latest sign of life. */
  alive(id: string, at: number): void {
    if (id === this.id && at > this.seenAt) this.seenAt = at;
  }
}
