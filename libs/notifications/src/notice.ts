import type { QuietHours } from '../../domain/src/quiet-hours';

/** What the ticket workflow tells people about. */
export type NoticeKind =
  | 'dispatch'
  | 'warning'
  | 'red_light'
  | 'reminder'
  | 'reminder_late'
  | 'bulletin'
  | 'escalation'
  | 'leadership_report'
  | 'callback_due'
  | 'voicemail'
  /** To supervisors: an SMS could not be delivered (permanent refusal or in doubt). */
  | 'sms_failed'
  /** To supervisors: the top of the escalation ladder has not acknowledged (Art. 4.8). */
  | 'escalation_unacknowledged'
  /** To agents and supervisors: a handler returned a misrouted ticket; it waits to be reassigned. */
  | 'returned'
  /** To the department head (or the supervisors): a handler asks for a later deadline. */
  | 'extension_requested'
  /** To the handler: the extension was approved or refused. */
  | 'extension_decided'
  /** To the caller, by SMS only: the ticket number and the feedback deadline of a transfer. */
  | 'caller_receipt';

export interface NoticeFacts {
  ticketId: string | null;
  /** Chinese label of the ticket type, e.g. 投诉举报. */
  typeLabel?: string;
  /** The deadline the notice is about (ISO), shown in Shanghai time. */
  deadline?: string | null;
  handlerName?: string;
  reminders?: number;
  level?: number;
  /** escalation_unacknowledged: how long since the escalation began, unacknowledged (ms). */
  unacknowledgedMs?: number;
  /** A voicemail's reference (no phone number). */
  voicemailId?: string;
  /** sms_failed: whose SMS, of which kind, and why (no phone number). */
  recipientName?: string;
  failedKind?: NoticeKind;
  reason?: string;
  /** extension_decided: whether it was approved. */
  approved?: boolean;
}

/**
 * One notice to one recipient. `key` is (ticket, kind, recipient, occurrence): storing or
 * sending the same key twice does nothing the second time.
 */
export interface Notice {
  key: string;
  recipientId: string;
  kind: NoticeKind;
  facts: NoticeFacts;
  /** Also by SMS (group inboxes get in-app notices only). */
  sms: boolean;
  /** Escalations go out at any hour; other SMS wait out the quiet hours. */
  urgent: boolean;
}

export interface DeliverNoticesInput {
  notices: Notice[];
  quietHours: QuietHours | null;
}
