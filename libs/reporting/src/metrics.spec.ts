import type { FactsSource } from '@court/database';
import type { ExtensionStatus, LedgerDisposition } from '@court/domain';
import { answeredTicket } from '../../../test/support/ledger-seed';
import { computeMetrics, metDeadline } from './metrics';

const H = 3_600_000;
const T0 = Date.parse('2026-11-02T01:00:00Z'); // Monday 09:00 Shanghai
const at = (ms: number) => new Date(T0 + ms);
const NOW = at(30 * 24 * H);

function ticket(id: string, over: Partial<FactsSource> = {}): FactsSource {
  return answeredTicket(id, at(0), over);
}

function transfer(id: string, over: Partial<FactsSource> = {}): FactsSource {
  return ticket(id, {
    type: 'complaint',
    disposition: { action: 'transfer', rule: '4.5' } as LedgerDisposition,
    departmentId: 'filing',
    handlerId: 'head-filing',
    deadlines: { dispatchBy: at(2 * H), feedbackBy: at(74 * H), callbackBy: null },
    dispatchedAt: at(0.1 * H),
    ...over,
  });
}

describe('metrics on a hand-built ledger', () => {
  it('gives null rates, not 0, when nothing was counted', () => {
    const m = computeMetrics([], { now: NOW });
    expect(m.total).toBe(0);
    for (const rate of [
      m.answeredWithin10sRate,
      m.directAnswerRate,
      m.dispatchedWithin2hRate,
      m.feedbackOnTimeRate,
      m.callbackRate,
      m.satisfactionRate,
    ]) {
      expect(rate).toBeNull();
    }
    expect(m.byType).toEqual({});
    expect(m.agentWorkload).toEqual({});
  });

  it('answered within 10 s: only tickets with both times, 10 000 ms inclusive', () => {
    const m = computeMetrics(
      [
        ticket('a', { ringAt: at(0), answeredAt: at(10_000) }), // exactly 10 s: within
        ticket('b', { ringAt: at(0), answeredAt: at(10_001) }), // late
        ticket('c', { ringAt: at(0), answeredAt: at(3_000), loggedBy: 'agent02' }),
        ticket('d', { ringAt: null, answeredAt: null }), // voicemail: not counted
      ],
      { now: NOW },
    );
    expect(m.answeredWithin10sRate).toBeCloseTo(2 / 3);
    expect(m.agentWorkload.agent01).toMatchObject({ logged: 3, answeredWithin10sRate: 0.5 });
    expect(m.agentWorkload.agent02).toMatchObject({ logged: 1, answeredWithin10sRate: 1 });
  });

  it('direct answers, dispatch within the deadline, feedback on time', () => {
    const m = computeMetrics(
      [
        ticket('d1'),
        transfer('t1', { feedback: { result: 'ok', at: at(74 * H), by: 'head-filing' } }), // on time (equal)
        transfer('t2', {
          dispatchedAt: at(3 * H), // late dispatch
          feedback: { result: 'late', at: at(80 * H), by: 'head-filing' },
        }),
        transfer('t3'), // no feedback, deadline passed at NOW: late
        transfer('t4', {
          receivedAt: at(29.99 * 24 * H),
          deadlines: { dispatchBy: at(29.99 * 24 * H + 2 * H), feedbackBy: at(33 * 24 * H) },
          dispatchedAt: null, // not yet dispatched, still in time: not counted
        }),
      ],
      { now: NOW },
    );
    expect(m.total).toBe(5);
    expect(m.directAnswered).toBe(1);
    expect(m.directAnswerRate).toBeCloseTo(1 / 5);
    expect(m.transferred).toBe(4);
    expect(m.dispatchedWithin2hRate).toBeCloseTo(2 / 3); // t1, t3 in time; t2 late; t4 open
    expect(m.feedbackOnTimeRate).toBeCloseTo(1 / 3); // t1 on time; t2, t3 late; t4 not dispatched
    expect(m.byDepartment.filing).toMatchObject({ total: 4, transferred: 4 });
    expect(m.byHandler['head-filing']?.feedbackOnTimeRate).toBeCloseTo(1 / 3);
    expect(m.byType.case_inquiry).toMatchObject({ total: 1, directAnswerRate: 1 });
    expect(m.byType.complaint?.directAnswerRate).toBe(0);
  });

  it('overdue, reminded, bulletined counts', () => {
    const m = computeMetrics(
      [
        transfer('o1', { overdueAt: at(75 * H) }),
        transfer('o2', { overdueAt: at(75 * H), remindedAt: at(80 * H) }),
        transfer('o3', {
          overdueAt: at(75 * H),
          remindedAt: at(80 * H),
          bulletinedAt: at(100 * H),
        }),
        transfer('ok'),
      ],
      { now: NOW },
    );
    expect([m.overdue, m.reminded, m.bulletined]).toEqual([3, 2, 1]);
  });

  it('callback rate counts reached callers among decided callbacks; satisfaction among reached', () => {
    const m = computeMetrics(
      [
        ticket('c1', {
          callbackDue: true,
          callback: { reached: true, satisfied: true, note: null, at: at(H), by: 'a' },
        }),
        ticket('c2', {
          callbackDue: true,
          callback: { reached: true, satisfied: false, note: null, at: at(H), by: 'a' },
        }),
        ticket('c3', {
          callbackDue: true,
          keyCallback: true,
          callback: { reached: false, satisfied: null, note: null, at: at(H), by: 'a' },
        }),
        ticket('c4', { callbackDue: true, keyCallback: true, deadlines: { callbackBy: at(H) } }), // missed
        ticket('c5', { callbackDue: true, deadlines: { callbackBy: at(60 * 24 * H) } }), // still open
        ticket('c6', {
          callbackDue: true,
          callback: { reached: true, satisfied: null, note: null, at: at(H), by: 'a' },
        }),
        ticket('n1'), // no callback due
      ],
      { now: NOW },
    );
    expect(m.callbacksDue).toBe(6);
    expect(m.callbackRate).toBeCloseTo(3 / 5); // c1, c2, c6 reached of c1..c4, c6
    expect(m.keyCallbackRate).toBe(0); // c3 not reached, c4 missed
    expect(m.satisfactionRate).toBeCloseTo(1 / 2); // c1 of c1, c2 (c6 gave no answer)
  });

  it('agent workload counts only logged tickets, per agent', () => {
    const m = computeMetrics(
      [
        ticket('a1'),
        transfer('a2'),
        ticket('a3', { loggedBy: 'agent02' }),
        ticket('x', { loggedBy: undefined }),
      ],
      { now: NOW, names: { type: (t) => t, department: (d) => d, person: (p) => `name:${p}` } },
    );
    expect(m.agentWorkload).toEqual({
      agent01: {
        name: 'name:agent01',
        logged: 2,
        directAnswered: 1,
        transferred: 1,
        answeredWithin10sRate: null,
      },
      agent02: {
        name: 'name:agent02',
        logged: 1,
        directAnswered: 1,
        transferred: 0,
        answeredWithin10sRate: null,
      },
    });
  });
});

describe('the lifecycle in the metrics: returns, reassignments, extensions', () => {
  const returned = (departmentId: string | null) => ({
    at: at(H),
    by: 'judge01',
    departmentId,
    reason: '非本庭受理范围',
  });
  const reassignment = {
    at: at(2 * H),
    by: 'supervisor01',
    reason: '改派立案庭',
    from: { id: 'judge01', name: '李明', role: 'handler' as const },
    fromDepartmentId: 'civil',
    to: { id: 'head-filing', name: '吴立新', role: 'handler' as const },
    toDepartmentId: 'filing',
    lostMs: 2 * H,
  };
  const extension = (status: ExtensionStatus, requestedAt: number) => ({
    status,
    until: at(100 * H),
    reason: '需调取卷宗',
    requestedBy: 'head-filing',
    requestedAt: at(requestedAt),
    previousFeedbackBy: at(74 * H),
    decidedBy: status === 'pending' ? null : 'head-filing',
    decidedAt: status === 'pending' ? null : at(requestedAt + H),
    note: null,
  });

  it('counts returns by the returning department, tickets reassigned, extension requests', () => {
    const m = computeMetrics(
      [
        transfer('a', { returns: [returned('civil'), returned('civil')] }),
        transfer('b', {
          returns: [returned('petition'), returned(null)],
          reassignments: [reassignment],
        }),
        transfer('c', {
          reassignments: [reassignment, { ...reassignment, at: at(3 * H) }],
          extension: extension('refused', 20 * H),
          extensions: [extension('approved', 10 * H), extension('pending', 20 * H)],
        }),
        transfer('d', { extension: extension('pending', 30 * H), extensions: [] }),
        ticket('e'),
      ],
      { now: NOW },
    );
    expect(m.returnsByDepartment).toEqual({ civil: 2, petition: 1 });
    expect(Object.keys(m.returnsByDepartment)).toEqual(['civil', 'petition']);
    expect(m.reassigned).toBe(2);
    expect(m.extensions).toEqual({ requested: 3, approved: 1, refused: 1 });
    // Everything else as before.
    expect(m.total).toBe(5);
    expect(m.transferred).toBe(4);
  });

  it('gives zeros, not missing fields, for a ledger from before the lifecycle', () => {
    const m = computeMetrics([transfer('a'), ticket('b')], { now: NOW });
    expect(m.returnsByDepartment).toEqual({});
    expect(m.reassigned).toBe(0);
    expect(m.extensions).toEqual({ requested: 0, approved: 0, refused: 0 });
  });
});

describe('metDeadline', () => {
  it('is null while the deadline is open, and decides once done or passed', () => {
    expect(metDeadline(null, 100, 50)).toBeNull();
    expect(metDeadline(null, 100, 101)).toBe(false);
    expect(metDeadline(100, 100, 0)).toBe(true);
    expect(metDeadline(101, 100, 0)).toBe(false);
    expect(metDeadline(5, null, 0)).toBeNull();
  });
});
