import type { SmsMessageDoc } from '@court/database';
import type { NoticeKind } from '../notice';
import type { NewInboxNotice } from '../notice-inbox';
import { NOTICE_KIND_LABELS, renderNotice } from '../templates';

const SUPERVISORS = 'group:supervisor';

/**
 * The supervisors' in-app alert of one SMS that did not go out, stored under
 * `sms_failed:<key>` (one per SMS): whose it was, of what kind, and why.
 */
export function smsFailedNotice(
  message: Pick<SmsMessageDoc, '_id' | 'ticketId' | 'kind'>,
  name: string,
  reason: string,
  baseUrl: string,
): NewInboxNotice {
  const failedKind = message.kind as NoticeKind;
  const facts = {
    ticketId: message.ticketId,
    recipientName: name,
    failedKind: failedKind in NOTICE_KIND_LABELS ? failedKind : undefined,
    reason: reason.slice(0, 120),
  };
  return {
    _id: `sms_failed:${message._id}`,
    recipientId: SUPERVISORS,
    ticketId: message.ticketId,
    kind: 'sms_failed',
    text: renderNotice('sms_failed', facts, baseUrl),
  };
}
