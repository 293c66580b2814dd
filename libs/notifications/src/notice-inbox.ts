import type { InboxNoticeDoc, NoticeRepository } from '@court/database';
import { countNotice, noticeFailed } from '@court/telemetry';
import { HybridClock } from './hybrid-clock';
import type { NoticeBus } from './notice-bus';

export type NewInboxNotice = Omit<InboxNoticeDoc, 'seq' | 'createdAt' | 'readAt'> & {
  createdAt?: Date;
};

/** Draws on a collision of `seq` (another process drew the same number) before giving up. */
const SEQ_TRIES = 50;

/**
 * Stores in-app notices, each once under its key, with a sequence number from this process's
 * hybrid clock (no shared counter: the embedded FerretDB loses concurrent `$inc`), and tells
 * the streams: this process's at once (the bus), the other processes' through this process's
 * head in `notification_heads`, a change marker their feeds poll.
 */
export class NoticeInbox {
  private headPending: number | null = null;
  private headWritten: number | null = null;
  private headWriting = false;
  private readonly clock: HybridClock;

  constructor(
    private readonly notices: NoticeRepository,
    readonly instanceId: string,
    private readonly options: {
      bus?: NoticeBus;
      clock?: HybridClock;
      now: () => Date;
      warn: (message: string) => void;
    },
  ) {
    this.clock = options.clock ?? new HybridClock();
  }

  /** Null when the key was stored before (a retried activity, another process). */
  async store(doc: NewInboxNotice): Promise<InboxNoticeDoc | null> {
    for (let tries = 0; tries < SEQ_TRIES; tries++) {
      const stored: InboxNoticeDoc = {
        ...doc,
        seq: this.clock.next(),
        createdAt: doc.createdAt ?? this.options.now(),
        readAt: null,
      };
      try {
        // false: its key or its number is taken
        if (await this.notices.insert(stored)) {
          countNotice('inapp', 'sent');
          this.options.bus?.publish(stored);
          this.markHead(stored.seq!);
          return stored;
        }
      } catch (error) {
        throw noticeFailed('inapp', error);
      }
      if (await this.notices.exists(doc._id)) return null;
    }
    throw new Error(`no free sequence number for notice ${doc._id} after ${SEQ_TRIES} draws`);
  }

  /**
   * Writes the number this process stored last to its head, coalesced: at most one write in
   * flight, the latest number wins. Only this process writes its head, so no update is lost.
   */
  private markHead(seq: number): void {
    this.headPending = seq;
    if (this.headWriting) return;
    this.headWriting = true;
    void (async () => {
      try {
        while (this.headPending !== this.headWritten) {
          const target = this.headPending!;
          await this.notices.markHead(this.instanceId, target, this.options.now());
          this.headWritten = target;
        }
      } catch (error) {
        this.options.warn(`notice head not recorded: ${(error as Error).message}`);
      } finally {
        this.headWriting = false;
      }
    })();
  }
}
