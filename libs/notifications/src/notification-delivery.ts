import { randomUUID } from 'node:crypto';
import type { InboxNoticeDoc, SmsMessageDoc, SmsStatus, Storage } from '@court/database';
import type { QuietHours } from '@court/domain';
import { countStoredSms } from '@court/telemetry';
import { callerMobile } from './caller-phone';
import type { HybridClock } from './hybrid-clock';
import type { Notice } from './notice';
import type { NoticeBus } from './notice-bus';
import { type NewInboxNotice, NoticeInbox } from './notice-inbox';
import { type DispatchOutcome, NO_PHONE, SmsDispatcher } from './sms/sms-dispatcher';
import { nextSmsDueAt, smsDueForRelease } from './sms/sms-due';
import { smsFailedNotice } from './sms/sms-failed-notice';
import { OutboxSmsProvider, type SmsProvider } from './sms/sms-provider';
import { newSmsRecord } from './sms/sms-record';
import { DEFAULT_SMS_RETRY, type SmsRetryPolicy } from './sms/sms-retry';
import { SmsSendQueue } from './sms/sms-send-queue';
import { CALLER_RECIPIENT, DEFAULT_NOTICE_BASE_URL, renderNotice } from './templates';

export type { DispatchOutcome } from './sms/sms-dispatcher';

export interface DeliveryLogger {
  log(message: string): void;
  warn(message: string): void;
}

const silent: DeliveryLogger = { log: () => undefined, warn: () => undefined };

export interface NotificationDeliveryDeps {
  /**
   * Where it stores: the in-app notices and the SMS outbox; it reads a person's phone in the
   * directory and a caller's in the ledger.
   */
  storage: Storage;
  provider?: SmsProvider;
  bus?: NoticeBus;
  publicBaseUrl?: string;
  now?: () => Date;
  /** A claim by another process older than this, never finished, counts as interrupted. */
  staleClaimMs?: number;
  /** How often and how soon an SMS refused for now is tried again (SMS_MAX_ATTEMPTS …). */
  retry?: SmsRetryPolicy;
  /** Provider calls under way at once from this process. */
  sendConcurrency?: number;
  /** The clock of the notices' sequence numbers (default: this process's own). */
  clock?: HybridClock;
  /** Told when an SMS becomes due later (quiet hours, back-off, a claim to re-check). */
  onDueLater?: (at: Date) => void;
  logger?: DeliveryLogger;
  /**
   * NOTIFY_CALLER_RECEIPT: whether notices to `caller` (a transfer's SMS receipt) are sent
   * (default true). Off: they are skipped, nothing stored.
   */
  callerReceipt?: boolean;
}

/**
 * The notification store, shared by the `deliverNotices` activity, the release timer and the
 * HTTP API. Storing never waits on the provider: `deliver` stores the in-app notice and the
 * SMS record, each once under `_id` = the notice key (unique: a retried activity or a
 * restarted worker stores each once), and returns; the SMS goes out from this process's send
 * queue right after, and the release timer (SmsReleaseScheduler) takes what is due later
 * (quiet hours, back-off) or was left behind (a crash). SmsDispatcher sends each at most once.
 */
export class NotificationDelivery {
  readonly instanceId = randomUUID();
  readonly provider: SmsProvider;
  readonly storage: Storage;
  private readonly now: () => Date;
  private readonly baseUrl: string;
  private readonly inbox: NoticeInbox;
  private readonly dispatcher: SmsDispatcher;
  private readonly sender: SmsSendQueue;
  private readonly logger: DeliveryLogger;
  private readonly staleClaimMs: number;
  private indexesReady?: Promise<unknown>;

  constructor(private readonly deps: NotificationDeliveryDeps) {
    this.storage = deps.storage;
    this.provider = deps.provider ?? new OutboxSmsProvider();
    this.now = deps.now ?? (() => new Date());
    this.baseUrl = deps.publicBaseUrl ?? DEFAULT_NOTICE_BASE_URL;
    this.staleClaimMs = deps.staleClaimMs ?? 60_000;
    const logger = deps.logger ?? silent;
    this.logger = logger;
    this.inbox = new NoticeInbox(deps.storage.notices, this.instanceId, {
      bus: deps.bus,
      clock: deps.clock,
      now: this.now,
      warn: (message) => logger.warn(message),
    });
    this.dispatcher = new SmsDispatcher({
      outbox: deps.storage.smsOutbox,
      directory: deps.storage.directory,
      provider: this.provider,
      instanceId: this.instanceId,
      now: this.now,
      staleClaimMs: this.staleClaimMs,
      retry: deps.retry ?? DEFAULT_SMS_RETRY,
      onDueLater: (at) => deps.onDueLater?.(at),
      tellSupervisors: (message, name, reason) => this.surface(message, name, reason),
      logger,
    });
    this.sender = new SmsSendQueue(
      (id) => this.dispatch(id),
      deps.sendConcurrency ?? 4,
      (id, error) => logger.warn(`SMS ${id} not sent: ${(error as Error).message}`),
    );
  }

  /** The unique indexes exactly-once relies on, built before the first write. */
  ready(): Promise<unknown> {
    this.indexesReady ??= Promise.all([
      this.storage.notices.ensureIndexes(),
      this.storage.smsOutbox.ensureIndexes(),
    ]);
    return this.indexesReady;
  }

  /** Resolves once this process's send queue is empty (tests; shutdown). */
  idle(): Promise<void> {
    return this.sender.idle();
  }

  /** Stores one in-app notice under its key; null when it was stored before. */
  async storeInbox(doc: NewInboxNotice): Promise<InboxNoticeDoc | null> {
    await this.ready();
    return this.inbox.store(doc);
  }

  /**
   * One notice: the in-app notice (never held), then its SMS record when it has one. The SMS
   * is sent after this returns (the send queue, or the release timer when due later).
   */
  async deliver(notice: Notice, quietHours: QuietHours | null): Promise<void> {
    if (notice.recipientId === CALLER_RECIPIENT) return this.deliverToCaller(notice, quietHours);
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
    if (!notice.sms || notice.recipientId.startsWith('group:')) return;

    const person = await this.storage.directory.personById(notice.recipientId);
    const phone = person?.phone ?? null;
    const { stored, status, held, sendAt } = await this.storeSms(
      notice,
      text,
      phone,
      createdAt,
      quietHours,
    );
    // Also when stored before: a first attempt may have died before telling or sending.
    if (!phone) {
      await this.surface(
        { _id: notice.key, ticketId: notice.facts.ticketId, kind: notice.kind },
        person?.name ?? notice.recipientId,
        NO_PHONE.reason,
      );
    } else {
      this.sendOrArm(notice.key, stored, status, held, sendAt);
    }
  }

  /**
   * A notice to the caller (the transfer's receipt): SMS only, no in-app notice. The workflow
   * never holds the caller's phone; it is read here, from the ticket's ledger row. Skipped
   * (logged, nothing stored, no retry) when NOTIFY_CALLER_RECEIPT is off, or when the ticket
   * has no mobile number (none given, or a landline, which cannot take an SMS).
   */
  private async deliverToCaller(notice: Notice, quietHours: QuietHours | null): Promise<void> {
    const ticketId = notice.facts.ticketId;
    if (this.deps.callerReceipt === false) {
      this.logger.log(`SMS ${notice.key} (${notice.kind}) skipped: NOTIFY_CALLER_RECEIPT is off`);
      return;
    }
    if (!notice.sms || !ticketId) {
      this.logger.warn(`SMS ${notice.key} (${notice.kind}) skipped: no SMS or no ticket`);
      return;
    }
    const caller = await callerMobile(this.storage.ticketLedger, ticketId);
    if (!caller.ok) {
      const line = `SMS ${notice.key} (${notice.kind}) skipped: ${caller.why}`;
      if (caller.inLedger) this.logger.log(line);
      else this.logger.warn(line);
      return;
    }
    const createdAt = this.now();
    const text = renderNotice(notice.kind, notice.facts, this.baseUrl);
    const { stored, status, held, sendAt } = await this.storeSms(
      notice,
      text,
      caller.phone,
      createdAt,
      quietHours,
    );
    this.sendOrArm(notice.key, stored, status, held, sendAt);
  }

  /** After storing an SMS with a number: the timer for a held one, else the send queue. */
  private sendOrArm(
    key: string,
    stored: SmsMessageDoc | null,
    status: SmsStatus,
    held: boolean,
    sendAt: number,
  ): void {
    if (held && stored) {
      this.deps.onDueLater?.(new Date(sendAt));
    } else if (status === 'queued' || !stored) {
      this.sender.add(key);
    }
  }

  /** Stores the notice's SMS record under its key (null: stored before), to `phone`. */
  private async storeSms(
    notice: Notice,
    text: string,
    phone: string | null,
    createdAt: Date,
    quietHours: QuietHours | null,
  ): Promise<{ stored: SmsMessageDoc | null; status: SmsStatus; held: boolean; sendAt: number }> {
    const { doc, status, held, sendAt } = newSmsRecord(
      notice,
      text,
      phone,
      createdAt,
      quietHours,
      this.provider,
      this.baseUrl,
    );
    const stored = await this.insertSms(doc);
    if (stored) countStoredSms(status);
    return { stored, status, held, sendAt };
  }

  private async insertSms(doc: SmsMessageDoc): Promise<SmsMessageDoc | null> {
    await this.ready();
    return (await this.storage.smsOutbox.insert(doc)) ? doc : null;
  }

  /**
   * Sends one stored SMS if it is due and nobody else is sending it. Safe to call any number
   * of times, from any process: the claim decides who calls the provider.
   */
  dispatch(id: string): Promise<DispatchOutcome> {
    return this.dispatcher.dispatch(id);
  }

  /** The SMS due for the release timer (`smsDueForRelease`). */
  dueForRelease(limit = 500): Promise<string[]> {
    return smsDueForRelease(this.storage.smsOutbox, this.now(), this.staleClaimMs, limit);
  }

  /** When the next waiting SMS falls due (null: none waits). */
  nextDueAt(): Promise<Date | null> {
    return nextSmsDueAt(this.storage.smsOutbox, this.now);
  }

  /** The supervisors' in-app alert of one SMS that did not go out (one per SMS). */
  private async surface(
    message: Pick<SmsMessageDoc, '_id' | 'ticketId' | 'kind'>,
    name: string,
    reason: string,
  ): Promise<void> {
    await this.storeInbox(smsFailedNotice(message, name, reason, this.baseUrl));
  }
}
