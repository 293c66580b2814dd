import type { SmsMessageDoc, SmsStatus } from '@court/database';
import { type QuietHours, smsSendableAt } from '@court/domain';
import type { Notice } from '../notice';
import { noticeParams } from '../templates';
import { NO_PHONE } from './sms-dispatcher';
import type { SmsProvider } from './sms-provider';

/** A notice's SMS record as first stored, and when it may go out. */
export interface NewSmsRecord {
  readonly doc: SmsMessageDoc;
  readonly status: SmsStatus;
  /** Waits out the quiet hours (not urgent, created within them). */
  readonly held: boolean;
  /** When it may be sent (epoch ms). */
  readonly sendAt: number;
}

/**
 * The SMS record of a notice, under the notice's key, to `phone`: `failed` without a number,
 * `held` within the quiet hours (unless urgent), `sent` when the provider sends on insert (the
 * outbox), else `queued`.
 */
export function newSmsRecord(
  notice: Notice,
  text: string,
  phone: string | null,
  createdAt: Date,
  quietHours: QuietHours | null,
  provider: SmsProvider,
  baseUrl: string,
): NewSmsRecord {
  const sendAt = notice.urgent ? createdAt.getTime() : smsSendableAt(quietHours, createdAt);
  const held = sendAt > createdAt.getTime();
  const sentOnInsert = Boolean(phone && !held && provider.sendsOnInsert);
  const status: SmsStatus = !phone ? 'failed' : held ? 'held' : sentOnInsert ? 'sent' : 'queued';
  const doc: SmsMessageDoc = {
    _id: notice.key,
    to: phone,
    recipientId: notice.recipientId,
    ticketId: notice.facts.ticketId,
    kind: notice.kind,
    text,
    status,
    sendAfter: held ? new Date(sendAt) : null,
    failure: phone ? null : NO_PHONE.failure,
    providerCode: null,
    reason: phone ? null : NO_PHONE.reason,
    createdAt,
    urgent: notice.urgent,
    quietHours,
    params: noticeParams(notice.kind, notice.facts, baseUrl),
    attempts: 0,
    lastAttemptAt: null,
    claimedAt: null,
    claimedBy: null,
    sentAt: sentOnInsert ? createdAt : null,
    provider: provider.name,
    providerMessageId: null,
  };
  return { doc, status, held, sendAt };
}
