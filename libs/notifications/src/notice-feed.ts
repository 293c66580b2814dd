import { EventEmitter } from 'node:events';
import type { InboxNoticeDoc, NoticeRepository } from '@court/database';
import { SEQ_UNITS_PER_MS, seqAt } from './hybrid-clock';
import type { NoticeBus } from './notice-bus';
import { RecentIds } from './recent-ids';

export interface NoticeFeedOptions {
  /** This process's delivery: its head is skipped, its notices come on the bus. */
  selfId: string;
  /** How often the other processes' heads are read. */
  pollMs: number;
  /**
   * How far below the highest number passed on a re-read looks: longer than a notice may take
   * from drawing its number to being committed (and than the clock skew between hosts).
   */
  lookBackMs: number;
}

/** Heads not written for this long belong to processes long gone. */
const STALE_HEAD_MS = 7 * 86_400_000;
const PAGE = 500;

/**
 * The feed of in-app notices of a process, that its SSE streams listen to; each notice is
 * passed on once. Sequence numbers come from each process's own clock, so a notice may be
 * committed after one with a larger number (another process was faster): a re-read covers
 * everything above the highest number passed on, less the look-back window, and skips the
 * ids already passed on. A notice stored by this process (on the bus) goes out at once; a
 * timer per process (not per stream) reads the other processes' heads — tiny documents — and
 * re-reads the notices only when one of them moved (on the embedded FerretDB any query on
 * `notifications` by `seq` scans the collection).
 */
export class NoticeFeed {
  private readonly emitter = new EventEmitter();
  private readonly passed = new RecentIds();
  private readonly headsSeen = new Map<string, number>();
  private last = 0;
  private sincePrune = 0;
  private filling = false;
  private again = false;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    private readonly notices: NoticeRepository,
    private readonly bus: NoticeBus,
    private readonly options: NoticeFeedOptions,
  ) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    this.last = seqAt(Date.now());
    try {
      await this.notices.forgetHeadsBefore(new Date(Date.now() - STALE_HEAD_MS));
      for (const head of await this.notices.headSeqs()) {
        this.headsSeen.set(head._id, head.seq);
      }
    } catch {
      // the first poll reads them
    }
    this.unsubscribe = this.bus.subscribe((notice) => this.pass(notice));
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** The look-back window in sequence units. */
  lookBack(): number {
    return this.options.lookBackMs * SEQ_UNITS_PER_MS;
  }

  /**
   * No notice passed on from now on has a number at or below this: a stream may forget the
   * ids it sent below it.
   */
  floor(): number {
    return Math.min(this.last, seqAt(Date.now())) - this.lookBack();
  }

  subscribe(listener: (notice: InboxNoticeDoc) => void): () => void {
    this.emitter.on('notice', listener);
    return () => this.emitter.off('notice', listener);
  }

  private pass(notice: InboxNoticeDoc): void {
    if (notice.seq === undefined || this.passed.has(notice._id)) return;
    this.passed.add(notice._id, notice.seq);
    this.last = Math.max(this.last, notice.seq);
    if (++this.sincePrune >= PAGE) {
      this.sincePrune = 0;
      this.passed.forgetUpTo(this.floor());
    }
    this.emitter.emit('notice', notice);
  }

  /** The timer: re-reads the notices when another process's head moved since last time. */
  private async poll(): Promise<void> {
    try {
      const moved = new Map<string, number>();
      for (const head of await this.notices.headSeqs()) {
        if (head._id !== this.options.selfId && this.headsSeen.get(head._id) !== head.seq) {
          moved.set(head._id, head.seq);
        }
      }
      if (moved.size === 0) return;
      await this.fill();
      for (const [id, seq] of moved) this.headsSeen.set(id, seq);
    } catch {
      // next time
    }
  }

  private async fill(): Promise<void> {
    if (this.filling) {
      this.again = true;
      return;
    }
    this.filling = true;
    try {
      do {
        this.again = false;
        let from = this.floor();
        for (;;) {
          const page = await this.notices.after(from, PAGE);
          for (const notice of page) this.pass(notice);
          if (page.length < PAGE) break;
          from = page[page.length - 1]!.seq!;
        }
        this.passed.forgetUpTo(this.floor());
      } while (this.again);
    } finally {
      this.filling = false;
    }
  }
}
