import type { TicketView } from '../../api/types';
import { availableActions, type Viewer } from './actions';
import { aTicket } from './test-ticket';

const judge: Viewer = { id: 'judge01', roles: ['handler'], headOf: [] };
const head: Viewer = { id: 'head-civil', roles: ['handler'], headOf: ['civil'] };
const otherHandler: Viewer = { id: 'head-filing', roles: ['handler'], headOf: ['filing'] };
const agent: Viewer = { id: 'agent01', roles: ['agent'], headOf: [] };
const leader: Viewer = { id: 'vice-chief-civil', roles: ['leader'], headOf: [] };
const supervisor: Viewer = { id: 'supervisor01', roles: ['supervisor'], headOf: [] };
const admin: Viewer = { id: 'admin', roles: ['admin'], headOf: [] };

const escalation = (over: Partial<NonNullable<TicketView['escalation']>> = {}) => ({
  level: 1,
  notified: ['vice-chief-civil', 'chief-civil'],
  acknowledgedBy: null,
  acknowledgedAt: null,
  note: null,
  ...over,
});

describe('availableActions', () => {
  it('offers feedback to the handler addressed and the department head while awaiting it', () => {
    for (const status of [
      'dispatched',
      'overdue',
      'reminded',
      'bulletined',
      'escalated',
    ] as const) {
      expect(availableActions(aTicket({ status }), judge)).toContain('feedback');
      expect(availableActions(aTicket({ status }), head)).toContain('feedback');
    }
  });

  it('offers no feedback to another handler, an agent, a supervisor or an admin', () => {
    for (const viewer of [otherHandler, agent, supervisor, admin]) {
      expect(availableActions(aTicket(), viewer)).not.toContain('feedback');
    }
  });

  it('offers no feedback once it is in, or before dispatch', () => {
    const fedBack = aTicket({
      status: 'handled',
      feedback: { result: '已办', at: '2026-11-29T00:00:00Z', by: 'judge01' },
    });
    expect(availableActions(fedBack, judge)).not.toContain('feedback');
    const notDispatched = aTicket({
      status: 'escalated',
      deadlines: { ...aTicket().deadlines, feedbackBy: null },
    });
    expect(availableActions(notDispatched, judge)).not.toContain('feedback');
  });

  it('offers an escalated direct answer no feedback (no handler)', () => {
    const answered = aTicket({
      status: 'escalated',
      handlerId: null,
      deadlines: { ...aTicket().deadlines, feedbackBy: null },
    });
    expect(availableActions(answered, judge)).toEqual(['attach']);
  });

  it('offers 确认知悉 only to a leader notified, while not acknowledged', () => {
    const escalated = aTicket({ status: 'escalated', escalation: escalation() });
    expect(availableActions(escalated, leader)).toContain('acknowledge');
    expect(
      availableActions(escalated, { id: 'president', roles: ['leader'], headOf: [] }),
    ).not.toContain('acknowledge');
    const acknowledged = aTicket({
      escalation: escalation({
        acknowledgedBy: 'chief-civil',
        acknowledgedAt: '2026-11-28T01:10Z',
      }),
    });
    expect(availableActions(acknowledged, leader)).not.toContain('acknowledge');
    expect(availableActions(escalated, agent)).not.toContain('acknowledge');
  });

  it('offers the agent 催办 on an overdue ticket not yet reminded, and on a bulletined one', () => {
    expect(availableActions(aTicket({ status: 'overdue', redLight: true }), agent)).toContain(
      'remind',
    );
    expect(availableActions(aTicket({ status: 'bulletined', redLight: true }), agent)).toContain(
      'remind',
    );
    expect(
      availableActions(aTicket({ status: 'reminded', redLight: true, reminders: 1 }), agent),
    ).not.toContain('remind');
    expect(availableActions(aTicket({ status: 'dispatched' }), agent)).not.toContain('remind');
    expect(availableActions(aTicket({ status: 'overdue' }), judge)).not.toContain('remind');
  });

  it('offers the agent 重复来电 until the ticket is finished', () => {
    expect(availableActions(aTicket(), agent)).toContain('repeatCall');
    expect(availableActions(aTicket({ status: 'closed' }), agent)).not.toContain('repeatCall');
    expect(
      availableActions(aTicket({ status: 'answered', callbackDue: false }), agent),
    ).not.toContain('repeatCall');
    expect(availableActions(aTicket({ status: 'answered', callbackDue: true }), agent)).toContain(
      'repeatCall',
    );
    expect(availableActions(aTicket(), judge)).not.toContain('repeatCall');
  });

  it('offers the agent 回访 while a callback is due and not recorded', () => {
    const handled = aTicket({
      status: 'handled',
      callbackDue: true,
      feedback: { result: '已办', at: '2026-11-29T00:00:00Z', by: 'judge01' },
    });
    expect(availableActions(handled, agent)).toContain('callback');
    expect(availableActions(handled, judge)).not.toContain('callback');
    expect(availableActions({ ...handled, status: 'closed' }, agent)).not.toContain('callback');
    const answeredKey = aTicket({ status: 'answered', callbackDue: true, handlerId: null });
    expect(availableActions(answeredKey, agent)).toContain('callback');
  });

  const extension = (over: Partial<NonNullable<TicketView['extension']>> = {}) => ({
    status: 'pending' as const,
    until: '2026-12-03T01:00:00.000Z',
    reason: '需调取卷宗核实',
    requestedBy: 'judge01',
    requestedAt: '2026-11-29T01:00:00.000Z',
    previousFeedbackBy: '2026-12-01T01:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    note: null,
    ...over,
  });

  it('offers 签收 to the handler addressed, once, while the feedback is awaited', () => {
    expect(availableActions(aTicket(), judge)).toContain('accept');
    expect(availableActions(aTicket({ status: 'overdue', redLight: true }), judge)).toContain(
      'accept',
    );
    expect(
      availableActions(aTicket({ acceptedAt: '2026-11-28T02:00:00.000Z' }), judge),
    ).not.toContain('accept');
    for (const viewer of [head, otherHandler, agent, supervisor, leader, admin]) {
      expect(availableActions(aTicket(), viewer)).not.toContain('accept');
    }
    const fedBack = aTicket({
      status: 'handled',
      feedback: { result: '已办', at: '2026-11-29T00:00:00Z', by: 'judge01' },
    });
    expect(availableActions(fedBack, judge)).not.toContain('accept');
    expect(availableActions(aTicket({ status: 'returned' }), judge)).not.toContain('accept');
  });

  it('offers 进展说明 to the handler addressed while the feedback is awaited', () => {
    expect(availableActions(aTicket(), judge)).toContain('progress');
    expect(
      availableActions(aTicket({ status: 'reminded', redLight: true, reminders: 1 }), judge),
    ).toContain('progress');
    expect(availableActions(aTicket({ status: 'closed' }), judge)).not.toContain('progress');
    for (const viewer of [head, otherHandler, agent, supervisor]) {
      expect(availableActions(aTicket(), viewer)).not.toContain('progress');
    }
  });

  it('offers 退回 to the handler addressed only while dispatched (before the red light)', () => {
    expect(availableActions(aTicket(), judge)).toContain('return');
    for (const status of ['overdue', 'reminded', 'bulletined', 'escalated', 'returned'] as const) {
      expect(availableActions(aTicket({ status, redLight: true }), judge)).not.toContain('return');
    }
    for (const viewer of [head, otherHandler, agent, supervisor]) {
      expect(availableActions(aTicket(), viewer)).not.toContain('return');
    }
  });

  it('offers 申请延期 to the handler addressed before the red light, one request at a time', () => {
    expect(availableActions(aTicket(), judge)).toContain('requestExtension');
    expect(availableActions(aTicket({ status: 'overdue', redLight: true }), judge)).not.toContain(
      'requestExtension',
    );
    expect(availableActions(aTicket({ redLight: true }), judge)).not.toContain('requestExtension');
    expect(availableActions(aTicket({ extension: extension() }), judge)).not.toContain(
      'requestExtension',
    );
    // a decided request does not stand in the way of another
    for (const status of ['approved', 'refused', 'expired'] as const) {
      expect(availableActions(aTicket({ extension: extension({ status }) }), judge)).toContain(
        'requestExtension',
      );
    }
    expect(availableActions(aTicket(), head)).not.toContain('requestExtension');
  });

  it('offers 同意延期 / 不同意延期 to the department head and a supervisor while one is pending', () => {
    const pending = aTicket({ extension: extension() });
    expect(availableActions(pending, head)).toContain('decideExtension');
    expect(availableActions(pending, supervisor)).toContain('decideExtension');
    for (const viewer of [judge, otherHandler, agent, leader, admin]) {
      expect(availableActions(pending, viewer)).not.toContain('decideExtension');
    }
    for (const status of ['approved', 'refused', 'expired'] as const) {
      const decided = aTicket({ extension: extension({ status }) });
      expect(availableActions(decided, head)).not.toContain('decideExtension');
      expect(availableActions(decided, supervisor)).not.toContain('decideExtension');
    }
    expect(availableActions(aTicket(), supervisor)).not.toContain('decideExtension');
  });

  it('does not let a department head decide the extension they asked for themselves', () => {
    const own = aTicket({
      handlerId: 'head-civil',
      extension: extension({ requestedBy: 'head-civil' }),
    });
    expect(availableActions(own, head)).not.toContain('decideExtension');
    expect(availableActions(own, supervisor)).toContain('decideExtension');
  });

  it('offers 改派 of a returned ticket to an agent and a supervisor', () => {
    const returned = aTicket({
      status: 'returned',
      deadlines: { ...aTicket().deadlines, feedbackBy: null },
    });
    expect(availableActions(returned, agent)).toContain('reassign');
    expect(availableActions(returned, supervisor)).toContain('reassign');
    for (const viewer of [judge, head, leader, admin]) {
      expect(availableActions(returned, viewer)).not.toContain('reassign');
    }
    // a supervisor may also move a dispatched ticket; an agent only a returned one
    expect(availableActions(aTicket(), supervisor)).toContain('reassign');
    expect(availableActions(aTicket(), agent)).not.toContain('reassign');
    expect(
      availableActions(aTicket({ status: 'overdue', redLight: true }), supervisor),
    ).not.toContain('reassign');
    // nothing else is offered on a returned ticket to its former handler
    expect(availableActions(returned, judge)).toEqual(['attach']);
  });

  it('offers 上传附件 to everyone who reads the ticket', () => {
    for (const viewer of [judge, head, otherHandler, agent, supervisor, leader, admin]) {
      expect(availableActions(aTicket(), viewer)).toContain('attach');
    }
  });

  it('offers an admin nothing to do but attach a file', () => {
    expect(availableActions(aTicket({ status: 'overdue' }), admin)).toEqual(['attach']);
  });
});
