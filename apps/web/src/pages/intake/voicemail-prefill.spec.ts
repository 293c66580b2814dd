import { PHONE_CALL } from './ticket-body';
import { sourceOf, voicemailValues } from './voicemail-prefill';

describe('voicemail prefill', () => {
  it('logs a voicemail on the voicemail channel, a call on the phone one', () => {
    expect(sourceOf('V1')).toEqual({ channel: 'voicemail', voicemailId: 'V1' });
    expect(sourceOf(null)).toBe(PHONE_CALL);
  });

  it('fills the full number and the time the message was left, with no answer time', () => {
    expect(
      voicemailValues({ callerPhone: '13912345678', receivedAt: '2026-01-03T14:10:00.000Z' }),
    ).toEqual({
      caller: { phone: '13912345678' },
      ringAt: '2026-01-03T22:10:00',
      answeredAt: '',
    });
    expect(voicemailValues({ callerPhone: '1', receivedAt: null }).ringAt).toBe('');
  });
});
