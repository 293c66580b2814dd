import { Connection, Model, Schema } from 'mongoose';

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
    createdAt: { type: Date, required: true, index: true },
    readAt: { type: Date, default: null },
  },
  { collection: 'notifications', versionKey: false },
);

export type SmsStatus = 'sent' | 'held' | 'failed';

export interface SmsMessageDoc {
  _id: string;
  to: string | null;
  recipientId: string;
  ticketId: string | null;
  kind: string;
  text: string;
  status: SmsStatus;
  /** Quiet hours: held until this time. */
  sendAfter: Date | null;
  failure: string | null;
  createdAt: Date;
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
  },
  { collection: 'sms_outbox', versionKey: false },
);

export interface NotificationModels {
  inbox: Model<InboxNoticeDoc>;
  sms: Model<SmsMessageDoc>;
}

export function notificationModels(connection: Connection): NotificationModels {
  return {
    inbox: connection.models.InboxNotice ?? connection.model('InboxNotice', inboxNoticeSchema),
    sms: connection.models.SmsMessage ?? connection.model('SmsMessage', smsMessageSchema),
  } as NotificationModels;
}
