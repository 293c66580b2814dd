import { randomUUID } from 'node:crypto';
import {
  type DirectoryPersonDoc,
  type InboxNoticeDoc,
  isDuplicateKey,
  type NotificationModels,
  type SmsMessageDoc,
} from '@court/database';
import { maskPhone, type QuietHours, smsSendableAt } from '@court/domain';
import type { Model } from 'mongoose';
import type { Notice, NoticeKind } from './notice';
import type { NoticeBus } from './notice-bus';
import { OutboxSmsProvider, type SmsProvider, SmsProviderError } from './sms/sms-provider';
import {
  DEFAULT_NOTICE_BASE_URL,
  NOTICE_KIND_LABELS,
  noticeParams,
  renderNotice,
} from './templates';

const SUPERVISORS = 'group:supervisor';

export interface DeliveryLogger {
  log(message: string): void;
  warn(message: string): void;
}

const silent: DeliveryLogger = { log: () => undefined, warn: () => undefined };

export interface NotificationDeliveryDeps {
  models: NotificationModels;
  people: Model<DirectoryPersonDoc>;
  provider?: SmsProvider;
  bus?: NoticeBus;
  publicBaseUrl?: string;
  now?: () => Date;
  /** A claim by another process older than this, never finished, counts as interrupted. */
  staleClaimMs?: number;
  /** Told when an SMS becomes due later (quiet hours, back-off, a claim to re-check). */
  onDueLater?: (at: Date) => void;
  logger?: DeliveryLogger;
}

/**
 * What became of one SMS in one dispatch:
 * - `sent`, `failed`, `unknown`: final (now or before);
 * - `held`: waits until its `sendAfter` (quiet hours, or a back-off after throttling);
 * - `busy`: another sender holds the claim right now;
 * - `transient`: the provider refused for now; the caller retries (Temporal, or the timer).
 */
export type DispatchOutcome = 'sent' | 'failed' | 'unknown' | 'held' | 'busy' | 'transient';

/** Where a dispatch came from: a Temporal activity (which retries by itself) or the timer. */
export type DispatchPath = 'activity' | 'release';

export class SmsTransientError extends Error {
  constructor(
    readonly smsId: string,
    readonly reason: string,
  ) {
    super(`SMS ${smsId} refused for now: ${reason}`);
    this.name = 'SmsTransientError';
  }
}

/**
 * The notification store and SMS dispatch, shared by the `deliverNotices` activity, the
 * quiet-hours release timer and the HTTP API.
 *
 * Exactly once:
 * - an in-app notice and an SMS are stored under `_id` = the notice key (unique), so a retried
 *   activity or a restarted worker stores each once;
 * - a provider call needs a claim: inserting `sms_claims` `_id` = `<key>#<attempt>` (unique).
 *   Only the inserter calls the provider for that attempt. `attempt` moves on only after the
 *   provider clearly refused (throttling), so the provider accepts a key at most once;
 * - a claim found without a recorded outcome (the sender crashed, or timed out, between the
 *   claim and recording the provider's answer) is "in doubt". An idempotent provider (the
 *   outbox) is simply called again. A provider that would send twice (Alibaba Cloud: OutId is
 *   a correlation id, not a de-duplication key) is NOT called again: the SMS is marked
 *   `unknown` and supervisors are told. At most once, by choice: a duplicate SMS cannot be
 *   taken back, an SMS in doubt is visible, and the in-app notice of the same key is stored
 *   before any SMS is tried, so the Art. 5 prompt is never lost.
 */
export class NotificationDelivery {
  readonly instanceId = randomUUID();
  readonly provider: SmsProvider;
  private readonly now: () => Date;
  private readonly baseUrl: string;
  private readonly staleClaimMs: number;
  private readonly logger: DeliveryLogger;
  private readonly inFlight = new Set<string>();
  private seqHint = 0;
  private inboxQueue: Promise<void> = Promise.resolve();
  private headPending = 0;
  private headWritten = 0;
  private headWriting = false;
  private indexesReady?: Promise<unknown>;

  readonly models: NotificationModels;

  constructor(private readonly deps: NotificationDeliveryDeps) {
    this.models = deps.models;
    this.provider = deps.provider ?? new OutboxSmsProvider();
    this.now = deps.now ?? (() => new Date());
    this.baseUrl = deps.publicBaseUrl ?? DEFAULT_NOTICE_BASE_URL;
    this.staleClaimMs = deps.staleClaimMs ?? 60_000;
    this.logger = deps.logger ?? silent;
  }

  /** The unique indexes exactly-once relies on, built before the first write. */
  ready(): Promise<unknown> {
    this.indexesReady ??= Promise.all([
      this.deps.models.inbox.init(),
      this.deps.models.sms.init(),
      this.deps.models.claims.init(),
    ]);
    return this.indexesReady;
  }

  /**
   * Stores one in-app notice under its key with the next sequence number (claimed under the
   * unique index on `seq`: a number is visible only after every smaller one is), and tells the
   * streams of this process. Null when the key was stored before.
   */
  storeInbox(
    doc: Omit<InboxNoticeDoc, 'seq' | 'createdAt' | 'readAt'> & { createdAt?: Date },
  ): Promise<InboxNoticeDoc | null> {
    // One insert at a time per process: concurrent inserts would race for the same number,
    // and could commit out of order (a stream must never see n+1 before n).
    const stored = this.inboxQueue.then(() => this.storeInboxNow(doc));
    this.inboxQueue = stored.then(
      () => undefined,
      () => undefined,
    );
    return stored;
  }

  private async storeInboxNow(
    doc: Omit<InboxNoticeDoc, 'seq' | 'createdAt' | 'readAt'> & { createdAt?: Date },
  ): Promise<InboxNoticeDoc | null> {
    await this.ready();
    const { inbox } = this.deps.models;
    for (let tries = 0; tries < 200; tries++) {
      if (tries > 0 || this.seqHint === 0) {
        const last = await inbox
          .findOne({ seq: { $gt: 0 } }, { seq: 1 })
          .sort({ seq: -1 })
          .lean();
        this.seqHint = Math.max(this.seqHint, last?.seq ?? 0);
      }
      const stored: InboxNoticeDoc = {
        ...doc,
        seq: this.seqHint + 1,
        createdAt: doc.createdAt ?? this.now(),
        readAt: null,
      };
      try {
        await inbox.create(stored);
        this.seqHint = stored.seq!;
        this.deps.bus?.publish(stored);
        this.markHead(stored.seq!);
        return stored;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (await inbox.exists({ _id: doc._id })) return null;
        this.seqHint += 1;
      }
    }
    throw new Error(`no sequence number for notice ${doc._id} after 200 tries`);
  }

  /**
   * Records this process's highest stored sequence number in `notification_heads` (for the
   * feeds of other processes), coalesced: at most one write in flight, the latest number wins.
   */
  private markHead(seq: number): void {
    this.headPending = Math.max(this.headPending, seq);
    if (this.headWriting) return;
    this.headWriting = true;
    void (async () => {
      try {
        while (this.headPending > this.headWritten) {
          const target = this.headPending;
          await this.deps.models.heads.updateOne(
            { _id: this.instanceId },
            { $set: { seq: target, at: this.now() } },
            { upsert: true },
          );
          this.headWritten = target;
        }
      } catch (error) {
        this.logger.warn(`notice head not recorded: ${(error as Error).message}`);
      } finally {
        this.headWriting = false;
      }
    })();
  }

  /** One notice: the in-app notice first (never held), then its SMS when it has one. */
  async deliver(notice: Notice, quietHours: QuietHours | null): Promise<DispatchOutcome | null> {
    const createdAt = this.now();
    const text = renderNotice(notice.kind, notice.facts, this.baseUrl);
    await this.storeInbox({
      _id: notice.key,
      recipientId: notice.recipientId,
      ticketId: notice.facts.ticketId,
      kind: notice.kind,
      text,
      createdAt,
    });
    if (!notice.sms || notice.recipientId.startsWith('group:')) return null;

    const person = await this.deps.people.findById(notice.recipientId).lean();
    const sendAt = notice.urgent ? createdAt.getTime() : smsSendableAt(quietHours, createdAt);
    const held = sendAt > createdAt.getTime();
    const phone = person?.phone ?? null;
    const sentOnInsert = Boolean(phone && !held && this.provider.sendsOnInsert);
    const stored = await this.insertSms({
      _id: notice.key,
      to: phone,
      recipientId: notice.recipientId,
      ticketId: notice.facts.ticketId,
      kind: notice.kind,
      text,
      status: phone ? (held ? 'held' : sentOnInsert ? 'sent' : 'sending') : 'failed',
      sendAfter: held ? new Date(sendAt) : null,
      failure: phone ? null : 'no_phone: 通讯录中无此人手机号',
      createdAt,
      urgent: notice.urgent,
      params: noticeParams(notice.kind, notice.facts, this.baseUrl),
      attempts: 0,
      claimedAt: null,
      claimedBy: null,
      sentAt: sentOnInsert ? createdAt : null,
      provider: this.provider.name,
      providerMessageId: null,
    });
    if (stored && !phone)
      await this.surface(stored, person?.name, 'no_phone: 通讯录中无此人手机号');
    return this.dispatch(notice.key, 'activity', stored ?? undefined);
  }

  private async insertSms(doc: SmsMessageDoc): Promise<SmsMessageDoc | null> {
    await this.ready();
    try {
      await this.deps.models.sms.create(doc);
      return doc;
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }

  /**
   * Sends one stored SMS if it is due and nobody else is sending it. Safe to call any number
   * of times, from any process: the claim decides who calls the provider.
   */
  async dispatch(
    id: string,
    path: DispatchPath,
    /** The message as just inserted (saves reading it back). */
    fresh?: SmsMessageDoc,
  ): Promise<DispatchOutcome> {
    const { sms, claims } = this.deps.models;
    const message = fresh ?? (await sms.findById(id).lean());
    if (!message) throw new Error(`SMS ${id} is not stored`);
    if (message.status === 'sent' || message.status === 'failed' || message.status === 'unknown') {
      return message.status;
    }
    const now = this.now();
    if (message.status === 'held' && message.sendAfter && message.sendAfter > now) {
      this.deps.onDueLater?.(message.sendAfter);
      return 'held';
    }
    if (!message.to) return this.fail(message, 'failed', 'no_phone: 通讯录中无此人手机号');

    const attempt = message.attempts ?? 0;
    const claimId = `${id}#${attempt}`;
    try {
      await claims.create({
        _id: claimId,
        smsId: id,
        attempt,
        claimedBy: this.instanceId,
        claimedAt: now,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (this.inFlight.has(id)) return 'busy';
      const claim = await claims.findById(claimId).lean();
      const age = claim ? now.getTime() - claim.claimedAt.getTime() : Number.POSITIVE_INFINITY;
      if (claim && claim.claimedBy !== this.instanceId && age < this.staleClaimMs) {
        this.deps.onDueLater?.(new Date(claim.claimedAt.getTime() + this.staleClaimMs));
        return 'busy';
      }
      // In doubt: claimed, and no outcome recorded.
      if (!this.provider.idempotent) {
        return this.fail(
          message,
          'unknown',
          `in_doubt: 发送中断（认领于${claim?.claimedAt.toISOString() ?? '?'}），服务商不支持去重，不再重发，请人工核实`,
        );
      }
      this.logger.warn(`SMS ${id}: claim ${claimId} in doubt; the provider is idempotent, resend`);
    }
    return this.callProvider(message, attempt, path);
  }

  private async callProvider(
    message: SmsMessageDoc,
    attempt: number,
    path: DispatchPath,
  ): Promise<DispatchOutcome> {
    const { sms } = this.deps.models;
    const id = message._id;
    this.inFlight.add(id);
    try {
      if (message.status !== 'sending') {
        await sms.updateOne(
          { _id: id },
          { $set: { status: 'sending', claimedAt: this.now(), claimedBy: this.instanceId } },
        );
      }
      try {
        const accepted = await this.provider.send({
          key: id,
          to: message.to!,
          kind: message.kind,
          text: message.text,
          params: message.params ?? {},
        });
        await sms.updateOne(
          { _id: id },
          {
            $set: {
              status: 'sent',
              sentAt: this.now(),
              provider: this.provider.name,
              providerMessageId: accepted.providerMessageId,
              failure: null,
            },
          },
        );
        this.logger.log(
          `SMS ${id} (${message.kind}) to ${maskPhone(message.to)} accepted by ${this.provider.name}`,
        );
        return 'sent';
      } catch (error) {
        if (!(error instanceof SmsProviderError)) throw error;
        if (error.failureClass === 'transient') {
          const backoffMs = Math.min(1_000 * 2 ** attempt, 60_000);
          const retryAt = new Date(this.now().getTime() + backoffMs);
          await sms.updateOne(
            { _id: id },
            {
              $set: {
                // The activity path is retried by Temporal; the timer path waits its back-off.
                status: path === 'release' ? 'held' : 'sending',
                sendAfter: path === 'release' ? retryAt : message.sendAfter,
                attempts: attempt + 1,
                failure: `transient: ${error.message}`,
              },
            },
          );
          if (path === 'release') this.deps.onDueLater?.(retryAt);
          this.logger.warn(
            `SMS ${id} to ${maskPhone(message.to)} refused for now (${error.code}); retry`,
          );
          return 'transient';
        }
        const status = error.failureClass === 'permanent' ? 'failed' : 'unknown';
        return this.fail(message, status, `${error.failureClass}: ${error.message}`);
      }
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** Records a final failure on the message and tells the supervisors (once per key). */
  private async fail(
    message: SmsMessageDoc,
    status: 'failed' | 'unknown',
    reason: string,
  ): Promise<DispatchOutcome> {
    const updated = await this.deps.models.sms.updateOne(
      // not over an outcome another sender recorded meanwhile
      { _id: message._id, status: { $in: ['held', 'sending'] } },
      { $set: { status, failure: reason, provider: this.provider.name } },
    );
    if (updated.matchedCount === 0) {
      const current = await this.deps.models.sms.findById(message._id, { status: 1 }).lean();
      return (current?.status ?? status) as DispatchOutcome;
    }
    this.logger.warn(
      `SMS ${message._id} (${message.kind}) to ${maskPhone(message.to)} ${status}: ${reason}`,
    );
    const person = await this.deps.people.findById(message.recipientId).lean();
    await this.surface(message, person?.name, reason);
    return status;
  }

  private async surface(message: SmsMessageDoc, name: string | undefined, reason: string) {
    const failedKind = message.kind as NoticeKind;
    const facts = {
      ticketId: message.ticketId,
      recipientName: name ?? message.recipientId,
      failedKind: failedKind in NOTICE_KIND_LABELS ? failedKind : undefined,
      reason: reason.slice(0, 120),
    };
    await this.storeInbox({
      _id: `sms_failed:${message._id}`,
      recipientId: SUPERVISORS,
      ticketId: message.ticketId,
      kind: 'sms_failed',
      text: renderNotice('sms_failed', facts, this.baseUrl),
    });
  }

  /** The SMS due for the release timer: held past their time, or sends interrupted long ago. */
  async dueForRelease(limit = 500): Promise<string[]> {
    const now = this.now();
    const stale = new Date(now.getTime() - this.staleClaimMs);
    const due = await this.deps.models.sms
      .find(
        {
          $or: [
            { status: 'held', sendAfter: { $lte: now } },
            { status: 'sending', createdAt: { $lte: stale } },
          ],
        },
        { _id: 1 },
      )
      .sort({ sendAfter: 1 })
      .limit(limit)
      .lean();
    return due.map((m) => m._id);
  }

  /** When the next held SMS falls due (null: none held). */
  async nextHeldAt(): Promise<Date | null> {
    const next = await this.deps.models.sms
      .findOne({ status: 'held' }, { sendAfter: 1 })
      .sort({ sendAfter: 1 })
      .lean();
    return next?.sendAfter ?? null;
  }
}
