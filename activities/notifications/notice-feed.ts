import { EventEmitter } from 'node:events';
import type { InboxNoticeDoc, NoticeHeadDoc } from '@court/database';
import type { Model } from 'mongoose';
import type { NoticeBus } from './notice-bus';

/**
 * The one ordered feed of in-app notices of a process, that the SSE streams listen to.
 * Notices reach it in `seq` order without gaps: a notice stored by this process (on the bus)
 * that follows the last one passed on goes out at once; a gap (a notice stored by another
 * notification process in between) is filled from the database, in order. A timer per
 * process (not per stream) reads the processes' heads (`notification_heads`) and picks up
 * the other processes' notices when this one is quiet.
 * Sequence numbers become visible in order (see NotificationDelivery.storeInbox), so reading
 * `seq > last` never skips one.
 */
export class NoticeFeed {
  private readonly emitter = new EventEmitter();
  private last = 0;
  private filling = false;
  private again = false;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    private readonly inbox: Model<InboxNoticeDoc>,
    private readonly heads: Model<NoticeHeadDoc>,
    private readonly bus: NoticeBus,
    private readonly pollMs = 5_000,
  ) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    const top = await this.inbox
      .findOne({ seq: { $gt: 0 } }, { seq: 1 })
      .sort({ seq: -1 })
      .lean();
    this.last = Math.max(this.last, top?.seq ?? 0);
    this.unsubscribe = this.bus.subscribe((notice) => this.onLocal(notice));
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** The highest sequence number passed on so far (a new stream starts after it). */
  position(): number {
    return this.last;
  }

  subscribe(listener: (notice: InboxNoticeDoc) => void): () => void {
    this.emitter.on('notice', listener);
    return () => this.emitter.off('notice', listener);
  }

  private onLocal(notice: InboxNoticeDoc): void {
    // The next number: pass it on now, even while a fill is under way (the fill skips what
    // was passed on). A gap: another process stored the numbers between; read them.
    if (notice.seq === this.last + 1) {
      this.pass(notice);
      return;
    }
    if ((notice.seq ?? 0) > this.last) void this.fill();
  }

  /**
   * The timer: reads the processes' heads (a few tiny documents) and queries the notices
   * only when some process stored past what was passed on. On the embedded FerretDB a query
   * on `notifications` by `seq` scans the collection; the heads keep the timer cheap.
   */
  private async poll(): Promise<void> {
    try {
      const heads = await this.heads.find({}, { seq: 1 }).lean();
      if (heads.some((h) => h.seq > this.last)) await this.fill();
    } catch {
      // next time
    }
  }

  private pass(notice: InboxNoticeDoc): void {
    this.last = notice.seq!;
    this.emitter.emit('notice', notice);
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
        const missed = await this.inbox
          .find({ seq: { $gt: this.last } })
          .sort({ seq: 1 })
          .limit(500)
          .lean();
        for (const notice of missed) if (notice.seq! > this.last) this.pass(notice);
        if (missed.length === 500) this.again = true;
      } while (this.again);
    } catch {
      // the next bus notice or poll tries again
    } finally {
      this.filling = false;
    }
  }
}
