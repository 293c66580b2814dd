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
    expect(availableActions(answered, judge)).toEqual([]);
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

  it('never offers the lifecycle additions the API does not have yet', () => {
    const returned = aTicket({ status: 'returned' });
    for (const viewer of [judge, head, agent, supervisor, leader, admin]) {
      for (const ticket of [aTicket(), returned]) {
        const actions = availableActions(ticket, viewer);
        for (const missing of [
          'accept',
          'progress',
          'return',
          'requestExtension',
          'decideExtension',
          'reassign',
          'attach',
        ]) {
          expect(actions).not.toContain(missing);
        }
      }
    }
  });

  it('offers an admin nothing to do', () => {
    expect(availableActions(aTicket({ status: 'overdue' }), admin)).toEqual([]);
  });
});
