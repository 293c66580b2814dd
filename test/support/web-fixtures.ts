/** The demo accounts' password (API.md "Demo data"). */
export const DEMO_PASSWORD = 'demo12368';

/** The demo case, whose presiding judge is judge01 (民事审判庭). */
export const DEMO_CASE = '(2026)豫0782民初1号';

/** A fresh mainland mobile number, so that each ticket has a caller of its own. */
export function randomMobile(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

type Flags = {
  urgent: boolean;
  abusive: boolean;
  litigationRights: boolean;
  couldNotReachJudge: boolean;
};

/** A `POST /api/tickets` body (API.md), rung and answered just now. */
export function callBody(overrides: Record<string, unknown> & { flags?: Partial<Flags> } = {}) {
  const now = Date.now();
  const { flags, ...rest } = overrides;
  return {
    channel: 'phone',
    caller: { name: '张三', phone: randomMobile() },
    type: 'case_inquiry',
    complaint: null,
    caseNumber: DEMO_CASE,
    content: '询问案件进展',
    answer: null,
    ringAt: new Date(now - 60_000).toISOString(),
    answeredAt: new Date(now - 55_000).toISOString(),
    override: null,
    ...rest,
    flags: {
      urgent: false,
      abusive: false,
      litigationRights: false,
      couldNotReachJudge: false,
      ...flags,
    },
  };
}

/** 4.2: the caller could not reach the judge → a transfer to the presiding judge, judge01. */
export function transferToJudgeBody(content = '联系不上承办法官，请法官回电') {
  return callBody({ type: 'contact_judge', content, flags: { couldNotReachJudge: true } });
}

/** 4.8: urgent → escalated to the civil division's vice chief and chief (vice-chief-civil first). */
export function urgentBody(content = '当事人情绪激动，反映情况紧急') {
  return callBody({
    type: 'contact_judge',
    content,
    flags: { urgent: true, couldNotReachJudge: true },
  });
}

export interface TicketCreated {
  id: string;
  status: string;
  disposition: { action: string; rule: string; target: { id: string; name: string } | null };
}
