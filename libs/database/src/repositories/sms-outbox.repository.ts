import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key';
import {
  notificationModels,
  type SmsClaimDoc,
  type SmsMessageDoc,
  type SmsStatus,
} from '../schemas/notification.schema';

/** Which SMS a supervisor lists (all of them without criteria). */
export interface SmsCriteria {
  ticketId?: string;
  recipientId?: string;
  status?: SmsStatus;
}

/** The statuses an SMS's final failure may be recorded over (not over another's outcome). */
const OPEN: SmsStatus[] = ['queued', 'held', 'sending'];

/**
 * The SMS handed to the provider (`sms_outbox`, one per notice key) and the claims of its
 * provider calls (`sms_claims`, `<key>#<attempt>`). Both are stored by unique-`_id` inserts, the
 * one claim that is safe on FerretDB; only the holder of a claim writes the message's outcome,
 * since FerretDB rewrites a document without a lock.
 */
export class SmsOutboxRepository {
  constructor(
    private readonly messages: Model<SmsMessageDoc>,
    private readonly claims: Model<SmsClaimDoc>,
  ) {}

  static of(connection: Connection): SmsOutboxRepository {
    const models = notificationModels(connection);
    return new SmsOutboxRepository(models.sms, models.claims);
  }

  /** The unique indexes exactly-once relies on, built before the first write. */
  ensureIndexes(): Promise<unknown> {
    return Promise.all([this.messages.init(), this.claims.init()]);
  }

  /** Inserts an SMS record; false when its key is taken (stored before). */
  insert(doc: SmsMessageDoc): Promise<boolean> {
    return insertOnce(this.messages, doc);
  }

  byId(id: string): Promise<SmsMessageDoc | null> {
    return this.messages.findById(id).lean<SmsMessageDoc>().exec();
  }

  /** How far one SMS got: its status and the provider calls refused so far. */
  progressOf(id: string): Promise<Pick<SmsMessageDoc, '_id' | 'status' | 'attempts'> | null> {
    return this.messages
      .findById(id, { status: 1, attempts: 1 })
      .lean<Pick<SmsMessageDoc, '_id' | 'status' | 'attempts'>>()
      .exec();
  }

  statusOf(id: string): Promise<Pick<SmsMessageDoc, '_id' | 'status'> | null> {
    return this.messages
      .findById(id, { status: 1 })
      .lean<Pick<SmsMessageDoc, '_id' | 'status'>>()
      .exec();
  }

  /** `$set` on one SMS by its key. */
  async update(id: string, set: Partial<Omit<SmsMessageDoc, '_id'>>): Promise<void> {
    await this.messages.updateOne({ _id: id }, { $set: set });
  }

  /**
   * Records a final failure unless another sender recorded an outcome meanwhile; false when
   * the SMS was no longer queued, held or sending.
   */
  async recordFailure(id: string, set: Partial<Omit<SmsMessageDoc, '_id'>>): Promise<boolean> {
    const updated = await this.messages.updateOne(
      { _id: id, status: { $in: OPEN } },
      { $set: set },
    );
    return updated.matchedCount > 0;
  }

  /** Claims one provider call; false when it was claimed before. */
  claim(doc: SmsClaimDoc): Promise<boolean> {
    return insertOnce(this.claims, doc);
  }

  claimById(id: string): Promise<SmsClaimDoc | null> {
    return this.claims.findById(id).lean<SmsClaimDoc>().exec();
  }

  /**
   * The keys of the SMS due for the release timer, soonest first: queued or held past their
   * time, and sends claimed (or created) at or before `staleBefore` and never finished.
   */
  async dueIds(now: Date, staleBefore: Date, limit: number): Promise<string[]> {
    const due = await this.messages
      .find(
        {
          $or: [
            { status: 'queued', sendAfter: null },
            { status: { $in: ['queued', 'held'] }, sendAfter: { $lte: now } },
            { status: 'sending', claimedAt: { $lte: staleBefore } },
            { status: 'sending', claimedAt: null, createdAt: { $lte: staleBefore } },
          ],
        },
        { _id: 1 },
      )
      .sort({ sendAfter: 1 })
      .limit(limit)
      .lean<Pick<SmsMessageDoc, '_id'>[]>()
      .exec();
    return due.map((m) => m._id);
  }

  /** The queued or held SMS due soonest (undated ones first), or null. */
  nextWaiting(): Promise<Pick<SmsMessageDoc, '_id' | 'sendAfter'> | null> {
    return this.messages
      .findOne({ status: { $in: ['queued', 'held'] } }, { sendAfter: 1 })
      .sort({ sendAfter: 1 })
      .lean<Pick<SmsMessageDoc, '_id' | 'sendAfter'>>()
      .exec();
  }

  /** The SMS matching the criteria, oldest first. */
  list(criteria: SmsCriteria, limit: number): Promise<SmsMessageDoc[]> {
    const filter: Record<string, unknown> = {};
    if (criteria.ticketId) filter.ticketId = criteria.ticketId;
    if (criteria.recipientId) filter.recipientId = criteria.recipientId;
    if (criteria.status) filter.status = criteria.status;
    return this.messages
      .find(filter)
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .lean<SmsMessageDoc[]>()
      .exec();
  }
}

async function insertOnce<T>(model: Model<T>, doc: T): Promise<boolean> {
  try {
    await model.create(doc);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
