import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/**
 * In-app notices (the trial-process system prompt of Art. 5) and SMS handed to the provider.
 * Each is keyed by (ticket, kind, recipient, occurrence): an activity retried, or a worker
 * restarted, stores and sends it once.
 */
export interface InboxNoticeDoc {
  _id: string;
  recipientId: string;
  ticketId: string | null;
  kind: string;
  text: string;
  /**
   * Position in the global order of notices, the SSE event id: the storing process's hybrid
   * clock (ms since epoch × 1000 + a per-process counter), unique under an index, retried on
   * the rare collision. Not gap-free, and a notice may become visible after one with a larger
   * number (another process committed first): readers look back a window (NoticeFeed).
   * Small numbers (1, 2, …) are notices stored under the earlier gap-free sequence; absent on
   * notices stored before any sequence existed.
   */
  seq?: number;
  createdAt: Date;
  readAt: Date | null;
}

export const inboxNoticeSchema = new Schema<InboxNoticeDoc>(
  {
    _id: { type: String, required: true },
    recipientId: { type: String, required: true, index: true },
    ticketId: { type: String, default: null, index: true },
    kind: { type: String, required: true },
    text: { type: String, required: true },
    seq: { type: Number },
    createdAt: { type: Date, required: true, index: true },
    readAt: { type: Date, default: null },
  },
  { collection: 'notifications', versionKey: false },
);
inboxNoticeSchema.index({ seq: 1 }, { unique: true, sparse: true });

/**
 * - `queued`: stored, waiting for the service's sender: due at once (`sendAfter` null) or, after
 *   the provider refused for now, at the end of its back-off (`sendAfter`);
 * - `held`: waiting out the quiet hours until `sendAfter`;
 * - `sending`: claimed by one sender, the provider call under way (or interrupted);
 * - `sent`: the provider accepted it (the outbox provider: stored, nothing left the machine);
 * - `failed`: refused for good (invalid number, empty balance, rejected sign or template), no
 *   phone, or still refused after the last allowed attempt;
 * - `unknown`: a send was interrupted after the claim and the provider cannot be asked again
 *   safely (no idempotency): never re-sent, shown to supervisors to check by hand.
 */
export type SmsStatus = 'queued' | 'held' | 'sending' | 'sent' | 'failed' | 'unknown';

export interface SmsMessageDoc {
  _id: string;
  to: string | null;
  recipientId: string;
  ticketId: string | null;
  kind: string;
  text: string;
  status: SmsStatus;
  /** Quiet hours (`held`) or a back-off after a refusal for now (`queued`): not before this. */
  sendAfter: Date | null;
  /** What went wrong last, as `<class>: <code>: <provider message>` (kept for the record). */
  failure: string | null;
  /** The provider's code of the last refusal (Alibaba Cloud: `isv.AMOUNT_NOT_ENOUGH` …). */
  providerCode?: string | null;
  /** Why it failed or waits, in Chinese, for supervisors. */
  reason?: string | null;
  createdAt: Date;
  /** Escalations: never held. */
  urgent?: boolean;
  /** The ticket's quiet hours, so that a retry after a back-off waits them out too. */
  quietHours?: { start: string; end: string } | null;
  /** Template variables for providers that send by template code. */
  params?: Record<string, string>;
  /** Provider calls that the provider refused for a passing reason (throttling). */
  attempts?: number;
  /** When the provider was last called for it. */
  lastAttemptAt?: Date | null;
  claimedAt?: Date | null;
  claimedBy?: string | null;
  sentAt?: Date | null;
  provider?: string | null;
  /** The provider's id of the accepted message (Alibaba Cloud: BizId). */
  providerMessageId?: string | null;
}

export const smsMessageSchema = new Schema<SmsMessageDoc>(
  {
    _id: { type: String, required: true },
    to: { type: String, default: null },
    recipientId: { type: String, required: true, index: true },
    ticketId: { type: String, default: null, index: true },
    kind: { type: String, required: true },
    text: { type: String, required: true },
    status: { type: String, required: true, index: true },
    sendAfter: { type: Date, default: null },
    failure: { type: String, default: null },
    providerCode: { type: String, default: null },
    reason: { type: String, default: null },
    createdAt: { type: Date, required: true },
    urgent: { type: Boolean, default: false },
    quietHours: { type: Schema.Types.Mixed, default: null },
    params: { type: Schema.Types.Mixed, default: undefined },
    attempts: { type: Number, default: 0 },
    lastAttemptAt: { type: Date, default: null },
    claimedAt: { type: Date, default: null },
    claimedBy: { type: String, default: null },
    sentAt: { type: Date, default: null },
    provider: { type: String, default: null },
    providerMessageId: { type: String, default: null },
  },
  { collection: 'sms_outbox', versionKey: false },
);

/**
 * One document per provider call: `_id` is `<sms key>#<attempt>`. Only the process whose
 * insert succeeds may call the provider for that attempt (unique `_id`), so two senders (an
 * activity retry and the quiet-hours release, or two notification processes) never both send.
 */
export interface SmsClaimDoc {
  _id: string;
  smsId: string;
  attempt: number;
  claimedBy: string;
  claimedAt: Date;
}

export const smsClaimSchema = new Schema<SmsClaimDoc>(
  {
    _id: { type: String, required: true },
    smsId: { type: String, required: true, index: true },
    attempt: { type: Number, required: true },
    claimedBy: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'sms_claims', versionKey: false },
);

/**
 * The sequence number of the notice each notification process stored last (one document per
 * process, one writer each): a change marker. The other processes' feeds read this tiny
 * collection to learn cheaply that there is something new, instead of querying
 * `notifications` on a timer (on the embedded FerretDB that query scans the collection).
 */
export interface NoticeHeadDoc {
  _id: string;
  seq: number;
  at: Date;
}

export const noticeHeadSchema = new Schema<NoticeHeadDoc>(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'notification_heads', versionKey: false },
);

export interface NotificationModels {
  inbox: Model<InboxNoticeDoc>;
  sms: Model<SmsMessageDoc>;
  claims: Model<SmsClaimDoc>;
  heads: Model<NoticeHeadDoc>;
}

export function notificationModels(connection: Connection): NotificationModels {
  return {
    inbox: modelOn(connection, 'InboxNotice', inboxNoticeSchema),
    sms: modelOn(connection, 'SmsMessage', smsMessageSchema),
    claims: modelOn(connection, 'SmsClaim', smsClaimSchema),
    heads: modelOn(connection, 'NoticeHead', noticeHeadSchema),
  };
}
