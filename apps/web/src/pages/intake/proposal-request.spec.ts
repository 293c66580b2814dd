import {
  nextAttempt,
  type ProposalAttempt,
  proposalDelay,
  proposalRequest,
  STAND_IN,
  TYPING_PAUSE_MS,
} from './proposal-request';
import { emptyValues, type IntakeValues, PHONE_CALL } from './ticket-body';

const values = (patch: Partial<IntakeValues>): IntakeValues => ({
  ...emptyValues(0),
  ...patch,
});

describe('proposalRequest', () => {
  it('asks nothing until there is a number or a type', () => {
    expect(proposalRequest(values({ content: '问案件' }), PHONE_CALL)).toBeNull();
    expect(proposalRequest(values({ caller: { phone: '1380013' } }), PHONE_CALL)).toBeNull();
  });

  it('with the number alone, asks for the history under a stand-in type', () => {
    const request = proposalRequest(values({ caller: { phone: '13800138000' } }), PHONE_CALL)!;
    expect(request).toMatchObject({ callerKnown: true, dispositionKnown: false });
    expect(request.body.type).toBe(STAND_IN.type);
    expect(request.body.caller).toEqual({ name: STAND_IN.name, phone: '13800138000' });
  });

  it('with the type alone, asks for the disposition under a stand-in number', () => {
    const request = proposalRequest(values({ type: 'petition' }), PHONE_CALL)!;
    expect(request).toMatchObject({ callerKnown: false, dispositionKnown: true });
    expect(request.body).toMatchObject({ type: 'petition', caller: { phone: STAND_IN.phone } });
  });

  it('a complaint is decided only once its category is chosen', () => {
    const partial = proposalRequest(
      values({ caller: { phone: '13800138000' }, type: 'complaint' }),
      PHONE_CALL,
    )!;
    expect(partial.dispositionKnown).toBe(false);
    expect(partial.body.complaint).toBeNull();
    const full = proposalRequest(
      values({ type: 'complaint', complaint: { category: 'filing', specificClues: true } }),
      PHONE_CALL,
    )!;
    expect(full.dispositionKnown).toBe(true);
    expect(full.body.complaint).toEqual({ category: 'filing', specificClues: true });
  });

  it('what the rules never read does not change the question', () => {
    const a = proposalRequest(values({ type: 'other', content: '一', answer: '甲' }), PHONE_CALL)!;
    const b = proposalRequest(
      values({ type: 'other', content: '一二', answer: '乙', caller: { name: '张' } }),
      PHONE_CALL,
    )!;
    expect(a.key).toBe(b.key);
  });

  it('choosing 其他 is another question than the stand-in type of a number alone', () => {
    const phone = { caller: { phone: '13800138000' } };
    const numberOnly = proposalRequest(values(phone), PHONE_CALL)!;
    const other = proposalRequest(values({ ...phone, type: 'other' }), PHONE_CALL)!;
    expect(other.body).toEqual(numberOnly.body);
    expect(other.key).not.toBe(numberOnly.key);
  });

  it('the flags and the case number change the question', () => {
    const base = values({ type: 'contact_judge' });
    const plain = proposalRequest(base, PHONE_CALL)!;
    const flagged = proposalRequest(
      { ...base, flags: { ...base.flags, couldNotReachJudge: true } },
      PHONE_CALL,
    )!;
    const withCase = proposalRequest({ ...base, caseNumber: '(2026)豫0782民初1号' }, PHONE_CALL)!;
    expect(new Set([plain.key, flagged.key, withCase.key]).size).toBe(3);
  });

  it('leaves out what is not the rules’ business: times, answer, override, voicemail', () => {
    const request = proposalRequest(values({ type: 'other', answer: '已答复' }), {
      channel: 'voicemail',
      voicemailId: 'V1',
    })!;
    expect(request.body).toMatchObject({
      channel: 'phone',
      answer: null,
      ringAt: null,
      answeredAt: null,
      override: null,
    });
    expect(request.body).not.toHaveProperty('voicemailId');
  });
});

describe('nextAttempt', () => {
  const decided = proposalRequest(
    values({
      caller: { phone: '13800138000' },
      type: 'complaint',
      complaint: { category: 'conduct', specificClues: false },
      caseNumber: '(2026)豫0782',
    }),
    PHONE_CALL,
  ) as ProposalAttempt;

  it('first tries again without a case number the API cannot use', () => {
    const next = nextAttempt(decided, ['caseNumber'])!;
    expect(next.dispositionKnown).toBe(true);
    expect(next.body.caseNumber).toBeNull();
    expect(next.body.type).toBe('complaint');
  });

  it('then asks for the history alone', () => {
    const withoutCase = nextAttempt(decided, ['caseNumber'])!;
    const history = nextAttempt(withoutCase, ['caseNumber'])!;
    expect(history).toMatchObject({ callerKnown: true, dispositionKnown: false });
    expect(history.body).toMatchObject({ type: STAND_IN.type, complaint: null });
  });

  it('asks for the history at once when something else than the case is the problem', () => {
    const history = nextAttempt(decided, ['type', 'caseNumber'])!;
    expect(history.dispositionKnown).toBe(false);
    expect(history.body.caseNumber).toBe('(2026)豫0782');
  });

  it('a history question fails over to one without the case, then gives up', () => {
    const history = nextAttempt(decided, ['type'])!;
    const withoutCase = nextAttempt(history, ['caseNumber'])!;
    expect(withoutCase.body.caseNumber).toBeNull();
    expect(nextAttempt(withoutCase, ['caseNumber'])).toBeNull();
  });

  it('without the caller’s number there is no history to fall back to', () => {
    const typeOnly = proposalRequest(values({ type: 'petition' }), PHONE_CALL) as ProposalAttempt;
    expect(nextAttempt(typeOnly, ['type'])).toBeNull();
  });
});

describe('proposalDelay', () => {
  const body = proposalRequest(
    values({ type: 'other', caller: { phone: '13800138000' } }),
    PHONE_CALL,
  )!.body;

  it('waits for a pause while a number is typed', () => {
    expect(proposalDelay(body, { ...body, caller: { ...body.caller, phone: '1380013800' } })).toBe(
      TYPING_PAUSE_MS,
    );
    expect(proposalDelay(body, { ...body, caseNumber: '(2026)' })).toBe(TYPING_PAUSE_MS);
  });

  it('asks at once after a choice', () => {
    expect(proposalDelay(body, { ...body, type: 'petition' })).toBe(0);
    expect(proposalDelay(body, { ...body, flags: { ...body.flags, urgent: true } })).toBe(0);
  });

  it('waits when there was or will be nothing to compare', () => {
    expect(proposalDelay(null, body)).toBe(TYPING_PAUSE_MS);
    expect(proposalDelay(body, null)).toBe(TYPING_PAUSE_MS);
  });
});
