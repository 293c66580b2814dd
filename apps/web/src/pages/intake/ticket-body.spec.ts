import {
  atFormFields,
  emptyValues,
  type IntakeValues,
  PHONE_CALL,
  stampsCallTimes,
  toLocalField,
  toTicketBody,
} from './ticket-body';

const filled: IntakeValues = {
  caller: { name: ' 张三 ', phone: ' 13800138000 ' },
  type: 'complaint',
  complaint: { category: 'filing', specificClues: false },
  caseNumber: ' (2026)豫0782民初1号 ',
  content: ' 反映立案庭拖延立案 ',
  answer: '  ',
  flags: { urgent: false, abusive: false, litigationRights: true, couldNotReachJudge: false },
  ringAt: '2026-11-28T09:00:00',
  answeredAt: '2026-11-28T09:00:06',
  override: { action: 'transfer', targetId: 'head-civil', reason: ' 来电人要求 ' },
};

describe('toTicketBody', () => {
  it('makes the body of API.md: trimmed text, blanks as null, Shanghai times with offset', () => {
    expect(toTicketBody(filled, PHONE_CALL, false)).toEqual({
      channel: 'phone',
      caller: { name: '张三', phone: '13800138000' },
      type: 'complaint',
      complaint: { category: 'filing', specificClues: false },
      caseNumber: '(2026)豫0782民初1号',
      content: '反映立案庭拖延立案',
      answer: null,
      flags: { urgent: false, abusive: false, litigationRights: true, couldNotReachJudge: false },
      ringAt: '2026-11-28T09:00:00+08:00',
      answeredAt: '2026-11-28T09:00:06+08:00',
      override: null,
    });
  });

  it('sends the complaint only for 投诉举报, whatever the hidden fields still hold', () => {
    const body = toTicketBody({ ...filled, type: 'case_inquiry' }, PHONE_CALL, false);
    expect(body.complaint).toBeNull();
  });

  it('sends the override only while it is open', () => {
    expect(toTicketBody(filled, PHONE_CALL, true).override).toEqual({
      action: 'transfer',
      targetId: 'head-civil',
      reason: '来电人要求',
    });
    expect(toTicketBody(filled, PHONE_CALL, false).override).toBeNull();
  });

  it('an open override without choices still goes, so the API names what is missing', () => {
    const body = toTicketBody({ ...filled, override: undefined }, PHONE_CALL, true);
    expect(body.override).toEqual({ action: 'transfer', targetId: '', reason: '' });
  });

  it('names the voicemail it logs, with the voicemail channel', () => {
    const body = toTicketBody(filled, { channel: 'voicemail', voicemailId: 'V1' }, false);
    expect(body).toMatchObject({ channel: 'voicemail', voicemailId: 'V1' });
    expect(toTicketBody(filled, PHONE_CALL, false)).not.toHaveProperty('voicemailId');
  });

  it('an empty time is no time, and an unreadable one goes as typed for the API to name', () => {
    const body = toTicketBody({ ...filled, ringAt: '', answeredAt: 'soon' }, PHONE_CALL, false);
    expect(body.ringAt).toBeNull();
    expect(body.answeredAt).toBe('soon');
  });

  it('defaults every flag to false', () => {
    const body = toTicketBody(
      { ...filled, flags: { urgent: true } as IntakeValues['flags'] },
      PHONE_CALL,
      false,
    );
    expect(body.flags).toEqual({
      urgent: true,
      abusive: false,
      litigationRights: false,
      couldNotReachJudge: false,
    });
  });
});

describe('emptyValues', () => {
  it('sets both times to now on the Shanghai clock, to the second', () => {
    const now = Date.parse('2026-11-28T01:02:03Z');
    const values = emptyValues(now);
    expect(values.ringAt).toBe('2026-11-28T09:02:03');
    expect(values.answeredAt).toBe('2026-11-28T09:02:03');
    expect(values.caller).toEqual({ name: '', phone: '' });
  });

  it('round-trips through the body as the same instant', () => {
    const now = Date.parse('2026-11-28T23:59:59Z');
    const body = toTicketBody(emptyValues(now), PHONE_CALL, false);
    expect(Date.parse(body.ringAt!)).toBe(now);
    expect(toLocalField(body.ringAt!)).toBe('2026-11-29T07:59:59');
  });
});

describe('atFormFields', () => {
  it('puts errors on a whole object at the field that fixes them', () => {
    expect(
      atFormFields([
        { field: 'complaint', message: 'a' },
        { field: 'override', message: 'b' },
        { field: 'caller.phone', message: 'c' },
        { field: 'voicemailId', message: 'd' },
      ]).map((e) => e.field),
    ).toEqual(['complaint.category', 'override.targetId', 'caller.phone', 'voicemailId']);
  });
});

describe('stampsCallTimes', () => {
  const fresh = { stamped: false, voicemail: false };

  it('stamps the times at the first input of a fresh form', () => {
    expect(stampsCallTimes({ caller: { name: '张' } }, fresh)).toBe(true);
  });

  it('once only, never over the agent’s own times, never for a voicemail', () => {
    expect(stampsCallTimes({ content: 'x' }, { ...fresh, stamped: true })).toBe(false);
    expect(stampsCallTimes({ ringAt: '2026-11-28T09:00:00' }, fresh)).toBe(false);
    expect(stampsCallTimes({ answeredAt: '' }, fresh)).toBe(false);
    expect(stampsCallTimes({ content: 'x' }, { ...fresh, voicemail: true })).toBe(false);
  });
});
