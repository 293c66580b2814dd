import type { EarlierTicket, Proposal } from '../../api/types';
import { missingLabels, openFirst, outcomeOf, splitExplanation } from './proposal-outcome';
import { nextAttempt, type ProposalRequest, proposalRequest } from './proposal-request';
import { emptyValues, type IntakeValues, PHONE_CALL } from './ticket-body';

const values = (patch: Partial<IntakeValues>): IntakeValues => ({ ...emptyValues(0), ...patch });

function ticket(id: string, open: boolean, receivedAt: string): EarlierTicket {
  return { id, open, receivedAt, samePhone: true, sameCase: false } as EarlierTicket;
}

const proposal: Proposal = {
  disposition: {
    action: 'direct_answer',
    rule: '4.1',
    target: null,
    departmentId: null,
    explanation: '依据第四条第一项：案件查询、诉讼咨询，由座席员直接答复',
    overridden: false,
    overrideReason: null,
    alsoRoutes: [],
    escalationLadder: null,
  },
  answerRequired: true,
  repeat: true,
  earlierTickets: [
    ticket('T1', false, '2026-11-01T00:00:00Z'),
    ticket('T2', true, '2026-10-01T00:00:00Z'),
  ],
  suggestions: [{ kind: 'could_not_reach_judge', rule: '4.2', message: 'm', flags: {} }],
};

const full = proposalRequest(
  values({ caller: { phone: '13800138000' }, type: 'case_inquiry', caseNumber: '(2026)' }),
  PHONE_CALL,
) as ProposalRequest;

describe('outcomeOf', () => {
  it('shows the disposition, the history open first and the suggestions', () => {
    const outcome = outcomeOf(full, { attempt: full, proposal }, []);
    expect(outcome.disposition?.rule).toBe('4.1');
    expect(outcome.answerRequired).toBe(true);
    expect(outcome.earlierTickets?.map((t) => t.id)).toEqual(['T2', 'T1']);
    expect(outcome.suggestions).toHaveLength(1);
    expect(outcome.caseIgnored).toBe(false);
  });

  it('says when the case number typed was left out, and why', () => {
    const withoutCase = nextAttempt(full, ['caseNumber'])!;
    const outcome = outcomeOf(full, { attempt: withoutCase, proposal }, [
      { message: '案号格式不正确' },
      { message: '案号格式不正确' },
    ]);
    expect(outcome.caseIgnored).toBe(true);
    expect(outcome.disposition).not.toBeNull();
    expect(outcome.problems).toEqual(['案号格式不正确']);
  });

  it('never shows a stand-in type’s disposition, nor a stand-in number’s history', () => {
    const history = nextAttempt(full, ['type'])!;
    const fromHistory = outcomeOf(full, { attempt: history, proposal }, []);
    expect(fromHistory.disposition).toBeNull();
    expect(fromHistory.answerRequired).toBe(false);
    expect(fromHistory.suggestions).toEqual([]);
    expect(fromHistory.earlierTickets).toHaveLength(2);

    const typeOnly = proposalRequest(values({ type: 'case_inquiry' }), PHONE_CALL)!;
    const fromTypeOnly = outcomeOf(typeOnly, { attempt: typeOnly, proposal }, []);
    expect(fromTypeOnly.earlierTickets).toBeNull();
    expect(fromTypeOnly.suggestions).toEqual([]);
  });

  it('with no answer, only the problems', () => {
    expect(outcomeOf(full, null, [{ message: 'x' }])).toMatchObject({
      disposition: null,
      earlierTickets: null,
      problems: ['x'],
    });
  });
});

describe('openFirst', () => {
  it('puts open tickets first, each group latest first', () => {
    const sorted = openFirst([
      ticket('closed-old', false, '2026-01-01T00:00:00Z'),
      ticket('open-old', true, '2026-01-01T00:00:00Z'),
      ticket('closed-new', false, '2026-02-01T00:00:00Z'),
      ticket('open-new', true, '2026-02-01T00:00:00Z'),
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['open-new', 'open-old', 'closed-new', 'closed-old']);
  });
});

describe('missingLabels', () => {
  const plain = { answerRequired: false, overriding: false };
  const direct = { answerRequired: true, overriding: false };

  it('lists what Article 2 and 3 still require, in the form’s order', () => {
    expect(missingLabels(values({}), plain)).toEqual([
      '来电人姓名',
      '来电号码',
      '来电类型',
      '来电内容',
    ]);
  });

  it('asks for the category of a complaint and the answer of a direct answer', () => {
    const complaint = values({
      caller: { name: '张三', phone: '13800138000' },
      type: 'complaint',
      content: '投诉',
    });
    expect(missingLabels(complaint, plain)).toEqual(['投诉类别']);
    const inquiry = { ...complaint, type: 'case_inquiry' as const, answer: ' ' };
    expect(missingLabels(inquiry, direct)).toEqual(['答复内容']);
    expect(missingLabels({ ...inquiry, answer: '已答复' }, direct)).toEqual([]);
  });

  it('asks for the override’s target and reason while it is open', () => {
    const call = values({
      caller: { name: '张三', phone: '13800138000' },
      type: 'petition',
      content: '信访',
      override: { action: 'transfer', reason: ' ' },
    });
    expect(missingLabels(call, { answerRequired: false, overriding: true })).toEqual([
      '改派对象',
      '改派理由',
    ]);
    expect(missingLabels(call, plain)).toEqual([]);
  });

  it('a number that is not one yet counts as missing', () => {
    expect(missingLabels(values({ caller: { name: '张三', phone: '12345' } }), plain)).toContain(
      '来电号码',
    );
  });
});

describe('splitExplanation', () => {
  it('takes the clause off the front, keeping whether it applies by analogy', () => {
    expect(splitExplanation('依据第四条第五项：投诉立案问题')).toEqual({
      basis: '依据',
      text: '投诉立案问题',
    });
    expect(splitExplanation('参照第四条第八项：情况紧急')).toEqual({
      basis: '参照',
      text: '情况紧急',
    });
  });

  it('leaves any other text as it is', () => {
    expect(splitExplanation('座席员改派')).toEqual({ basis: '依据', text: '座席员改派' });
    expect(splitExplanation(null)).toEqual({ basis: '依据', text: null });
  });
});
