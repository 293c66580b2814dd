/**
 * Ids of notices already passed on, with their sequence numbers, kept while a look-back
 * re-read may still return them: a notice read twice (a re-read of the window, or a replay
 * overlapping the live feed) goes out once.
 */
export class RecentIds {
  private readonly seen = new Map<string, number>();

  has(id: string): boolean {
    return this.seen.has(id);
  }

  add(id: string, seq: number): void {
    this.seen.set(id, seq);
  }

  /** Drops the ids whose number is at or below `seq`: no re-read returns them any more. */
  forgetUpTo(seq: number): void {
    for (const [id, s] of this.seen) if (s <= seq) this.seen.delete(id);
  }

  get size(): number {
    return this.seen.size;
  }
}
