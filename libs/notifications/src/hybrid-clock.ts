import { randomInt } from 'node:crypto';

/** Sequence units per millisecond: a number is `ms since epoch × 1000 + counter`. */
export const SEQ_UNITS_PER_MS = 1000;

/** Numbers below this come from the earlier gap-free sequence (1, 2, …), not from a clock. */
export const FIRST_CLOCK_SEQ = 1_000_000_000_000_000; // 2001-09-09 in ms × 1000

/** The sequence number a clock would give at wall-clock time `ms`. */
export function seqAt(ms: number): number {
  return ms * SEQ_UNITS_PER_MS;
}

/**
 * The sequence numbers of in-app notices, per process, without a shared counter: hybrid time
 * (ms since epoch × 1000 plus a counter), never going backwards in a process even if the wall
 * clock does. Each process starts at a random offset within the millisecond, so two processes
 * rarely draw the same number; the unique index on `seq` catches the rest (the caller draws
 * again).
 */
export class HybridClock {
  private last = 0;

  constructor(
    private readonly wallMs: () => number = Date.now,
    private readonly offset = randomInt(0, SEQ_UNITS_PER_MS / 2),
  ) {}

  next(): number {
    this.last = Math.max(this.last + 1, seqAt(this.wallMs()) + this.offset);
    return this.last;
  }
}
