import { randomBytes } from 'node:crypto';
import { maskPhonesInText } from '@court/domain';
import type { Connection, Model, QueryFilter } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import { type AuditEntryDoc, auditEntryModel } from './schemas/audit-entry.schema';

/**
 * What the audit trail records (docs/intake.md, "Audit trail"). Reads of personal data first, then
 * changes; the web page shows each in Chinese.
 */
export const AUDIT_ACTIONS = [
  'ticket.phone.read',
  'voicemail.phone.read',
  'sms.read',
  'ledger.export',
  'ticket.override',
  'user.create',
  'user.update',
  'user.disable',
  'user.password.reset',
  'user.password.change',
  'directory.person.put',
  'directory.department.put',
  'directory.case.put',
  'directory.import',
  'calendar.import',
  'ticket.reassign',
  'ticket.extension.decide',
  'ticket.attachment.upload',
  'ticket.attachment.download',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryInput {
  actor: string;
  action: AuditAction;
  ticketId?: string | null;
  target?: string | null;
  detail: string;
  requestId?: string | null;
  service?: string | null;
  /** When it happened (default now). */
  at?: Date;
}

export interface AuditQuery {
  actor?: string;
  ticketId?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  page: number;
  limit: number;
}

/** A time-ordered unique `_id`: `<ISO time>:<12 hex>` (ISO strings sort as the times do). */
export function auditId(at: Date): string {
  return `${at.toISOString()}:${randomBytes(6).toString('hex')}`;
}

/**
 * The audit trail's storage (`audit_entries`). Every entry is one insert under a fresh
 * time-ordered `_id`, never an update — FerretDB loses concurrent `$inc`/`$push`, inserts are
 * safe. Reading is shaped for FerretDB too: the only index it uses is `_id`, so a page is
 * sorted by `_id` descending (newest first, the time order) and from/to are an `_id` range
 * (`_id >= from.toISOString()`, `_id < to.toISOString()`), not a filter on `at`. An unfiltered
 * newest page is an `_id`-ordered read of `limit` documents; actor/ticketId filters and the
 * `total` count scan the (range of the) collection.
 */
export class AuditStore {
  constructor(readonly model: Model<AuditEntryDoc>) {}

  static of(connection: Connection): AuditStore {
    return new AuditStore(auditEntryModel(connection));
  }

  /** Appends one entry (a fresh `_id`; a collision of the random part is retried). */
  async append(input: AuditEntryInput): Promise<AuditEntryDoc> {
    const at = input.at ?? new Date();
    for (let attempt = 0; ; attempt++) {
      const doc: AuditEntryDoc = {
        _id: auditId(at),
        at,
        actor: input.actor,
        action: input.action,
        ticketId: input.ticketId ?? null,
        target: input.target ? maskPhonesInText(input.target) : null,
        detail: maskPhonesInText(input.detail),
        requestId: input.requestId ?? null,
        service: input.service ?? null,
      };
      try {
        await this.model.collection.insertOne(doc as never);
        return doc;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= 3) throw error;
      }
    }
  }

  filterOf(query: Omit<AuditQuery, 'page' | 'limit'>): QueryFilter<AuditEntryDoc> {
    const filter: QueryFilter<AuditEntryDoc> = {};
    if (query.from || query.to) {
      filter._id = {
        ...(query.from ? { $gte: query.from.toISOString() } : {}),
        ...(query.to ? { $lt: query.to.toISOString() } : {}),
      };
    }
    if (query.actor) filter.actor = query.actor;
    if (query.ticketId) filter.ticketId = query.ticketId;
    return filter;
  }

  /** One page, newest first, and how many match. */
  async page(query: AuditQuery): Promise<{ items: AuditEntryDoc[]; total: number }> {
    const filter = this.filterOf(query);
    const [items, total] = await Promise.all([
      this.model
        .find(filter)
        .sort({ _id: -1 })
        .skip((query.page - 1) * query.limit)
        .limit(query.limit)
        .lean<AuditEntryDoc[]>()
        .exec(),
      this.model.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  /**
   * Deletes entries older than `before`, oldest first, at most `batches` × `batchSize` in one
   * call (the rest next time); the number deleted.
   */
  async purgeBefore(before: Date, batchSize = 1_000, batches = 20): Promise<number> {
    let deleted = 0;
    for (let i = 0; i < batches; i++) {
      const ids = await this.model
        .find({ _id: { $lt: before.toISOString() } }, { _id: 1 })
        .sort({ _id: 1 })
        .limit(batchSize)
        .lean<{ _id: string }[]>()
        .exec();
      if (ids.length === 0) break;
      const result = await this.model.deleteMany({ _id: { $in: ids.map((d) => d._id) } }).exec();
      deleted += result.deletedCount ?? 0;
      if (ids.length < batchSize) break;
    }
    return deleted;
  }
}
