import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key';
import {
  type InboxNoticeDoc,
  type NoticeHeadDoc,
  notificationModels,
} from '../schemas/notification.schema';

/** Which of the in-app notices a list shows, newest first. */
export interface InboxCriteria {
  recipientIds: readonly string[];
  unreadOnly?: boolean;
  limit: number;
}

/**
 * The in-app notices (`notifications`, one per notice key) and each notification process's head
 * (`notification_heads`, the sequence number it stored last, one writer each). A notice is
 * stored once by a unique-`_id` insert; its `seq` comes from the storing process's clock, never
 * a shared counter (FerretDB loses concurrent `$inc`). Any query by `seq` or recipient scans the
 * collection on FerretDB, hence the tiny heads the feeds poll instead.
 */
export class NoticeRepository {
  constructor(
    private readonly notices: Model<InboxNoticeDoc>,
    private readonly heads: Model<NoticeHeadDoc>,
  ) {}

  static of(connection: Connection): NoticeRepository {
    const models = notificationModels(connection);
    return new NoticeRepository(models.inbox, models.heads);
  }

  /** The unique `seq` index that a notice's insert relies on, built before the first write. */
  ensureIndexes(): Promise<unknown> {
    return this.notices.init();
  }

  /** Inserts a notice; false when its key or its `seq` is taken (`exists` tells which). */
  async insert(doc: InboxNoticeDoc): Promise<boolean> {
    try {
      await this.notices.create(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async exists(id: string): Promise<boolean> {
    return (await this.notices.exists({ _id: id })) !== null;
  }

  byId(id: string): Promise<InboxNoticeDoc | null> {
    return this.notices.findById(id).lean<InboxNoticeDoc>().exec();
  }

  /** Marks a notice read, unless it was already. */
  async markRead(id: string, readAt: Date): Promise<void> {
    await this.notices.updateOne({ _id: id, readAt: null }, { $set: { readAt } });
  }

  /** The newest notices of these inboxes (by creation, then id). */
  list(criteria: InboxCriteria): Promise<InboxNoticeDoc[]> {
    return this.notices
      .find({
        recipientId: { $in: [...criteria.recipientIds] },
        ...(criteria.unreadOnly ? { readAt: null } : {}),
      })
      .sort({ createdAt: -1, _id: 1 })
      .limit(criteria.limit)
      .lean<InboxNoticeDoc[]>()
      .exec();
  }

  /** Notices numbered above `seq`, in number order, of these inboxes (all: any inbox). */
  after(seq: number, limit: number, recipientIds?: readonly string[]): Promise<InboxNoticeDoc[]> {
    const filter = recipientIds
      ? { recipientId: { $in: [...recipientIds] }, seq: { $gt: seq } }
      : { seq: { $gt: seq } };
    return this.notices.find(filter).sort({ seq: 1 }).limit(limit).lean<InboxNoticeDoc[]>().exec();
  }

  /** Records the number a process stored last (only that process writes its head). */
  async markHead(processId: string, seq: number, at: Date): Promise<void> {
    await this.heads.updateOne({ _id: processId }, { $set: { seq, at } }, { upsert: true });
  }

  /** Every process's head: its id and number. */
  headSeqs(): Promise<Pick<NoticeHeadDoc, '_id' | 'seq'>[]> {
    return this.heads.find({}, { seq: 1 }).lean<Pick<NoticeHeadDoc, '_id' | 'seq'>[]>().exec();
  }

  /** Removes the heads not written since `before` (processes long gone). */
  async forgetHeadsBefore(before: Date): Promise<void> {
    await this.heads.deleteMany({ at: { $lt: before } });
  }
}
