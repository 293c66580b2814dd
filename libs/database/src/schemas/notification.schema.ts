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
   * Position in the one global order of notices, the SSE event id. Claimed by inserting
   * under a unique index (the embedded FerretDB does not apply `$inc` atomically). Absent
   * on notices stored before the sequence existed.
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
 * - `held`: waiting out the quiet hours (or a throttling back-off) until `sendAfter`;
 * - `sending`: claimed by one sender, the provider call under way (or interrupted);
 * - `sent`: the provider accepted it (the outbox provider: stored, nothing left the machine);
 * - `failed`: the provider refused it for good (invalid number, rejected template), or no phone;
 * - `unknown`: a send was interrupted after the claim and the provider cannot be asked again
 *   safely (no idempotency): never re-sent, shown to supervisors to check by hand.
 */
export type SmsStatus = 'held' | 'sending' | 'sent' | 'failed' | 'unknown';

export interface SmsMessageDoc {
  _id: string;
  to: string | null;
  recipientId: string;
  ticketId: string | null;
  kind: string;
  text: string;
  status: SmsStatus;
  /** Quiet hours (or a back-off after throttling): held until this time. */
  sendAfter: Date | null;
  failure: string | null;
  createdAt: Date;
  /** Escalations: never held. */
  urgent?: boolean;
  /** Template variables for providers that send by template code. */
  params?: Record<string, string>;
  /** Provider calls that the provider refused for a passing reason (throttling). */
  attempts?: number;
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
    createdAt: { type: Date, required: true },
    urgent: { type: Boolean, default: false },
    params: { type: Schema.Types.Mixed, default: undefined },
    attempts: { type: Number, default: 0 },
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
 * The highest notice sequence number each notification process has stored (one document
 * per process, one writer each): the other processes' feeds read this tiny collection to
 * learn cheaply that there is something new, instead of querying `notifications` on a timer.
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
