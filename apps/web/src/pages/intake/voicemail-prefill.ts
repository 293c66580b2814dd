/** Logging a voicemail (Art. 6): `/intake?voicemailId=…` fills in the number and the channel. */
import type { Voicemail } from '../../api/types';
import { type CallSource, type IntakeValues, PHONE_CALL, toLocalField } from './ticket-body';

export const VOICEMAIL_PARAM = 'voicemailId';

export function sourceOf(voicemailId: string | null): CallSource {
  return voicemailId ? { channel: 'voicemail', voicemailId } : PHONE_CALL;
}

/**
 * The number in full, and the time the message was left as the call's time. A voicemail was
 * never answered live, so it has no answer time (and does not count in the 10-second rate).
 */
export function voicemailValues(
  voicemail: Pick<Voicemail, 'callerPhone' | 'receivedAt'>,
): Pick<IntakeValues, 'caller' | 'ringAt' | 'answeredAt'> {
  return {
    caller: { phone: voicemail.callerPhone },
    ringAt: voicemail.receivedAt ? toLocalField(voicemail.receivedAt) : '',
    answeredAt: '',
  };
}
