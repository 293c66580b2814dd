import {
  createDirectory,
  DEMO_CASE_NUMBER,
  DEMO_DIRECTORY,
  decideDisposition,
  NO_FLAGS,
} from '../../libs/domain/src';
import type { TicketWorkflowInput } from './contract';
import { routesOf, TicketRejection, TicketState } from './ticket-state';

const directory = createDirectory(DEMO_DIRECTORY);
const T0 = Date.parse('2026-11-30T02:00:00Z');

function stateFor(
  routing: Parameters<typeof decideDisposition>[0],
  flags: Partial<typeof NO_FLAGS> = {},
): TicketState {
  const decided = decideDisposition({ ...routing, flags: { ...NO_FLAGS, ...flags } }, directory);
  if (!decided.ok) throw new Error(JSON.stringify(decided.errors));
  const input: TicketWorkflowInput = {
    ticketId: 'T20261130-0001',
    type: routing.type,
    caseNumber: routing.caseNumber ?? null,
    flags: { ...NO_FLAGS, ...flags },
    receivedAt: new Date(T0).toISOString(),
    disposition: decided.value,
    departmentHead: { id: 'head-petition', name: '信访办主任', role: 'handler' },
    loggedBy: 'agent01',
  };
  return new TicketState(input);
}

function rejectionOf(check: () => void): TicketRejection {
  try {
    check();
  } catch (error) {
    if (error instanceof TicketRejection) return error;
    throw error;
  }
  throw new Error('not rejected');
}

describe('TicketState', () => {
  it('routes an urgent complaint to both the escalation ladder and its transfer (4.8 with 4.4)', () => {
    const state = stateFor(
      {
        type: 'complaint',
        complaint: { category: 'conduct', specificClues: false },
        caseNumber: DEMO_CASE_NUMBER,
      },
      { urgent: true },
    );
    expect(Object.keys(state.routes).sort()).toEqual(['escalation', 'transfer']);
    expect(state.handler?.id).toBe('head-civil');
    expect(routesOf(state.input.disposition).escalation?.rule).toBe('4.8');
  });

  it('takes feedback only while awaiting it, and only from the handler or the department head', () => {
    const state = stateFor({ type: 'petition' });
    expect(rejectionOf(() => state.checkFeedback('head-petition')).code).toBe('conflict');
    state.dispatch(T0);
    expect(rejectionOf(() => state.checkFeedback('judge01')).code).toBe('forbidden');
    expect(() => state.checkFeedback('head-petition')).not.toThrow();
    state.markOverdue(T0 + 1000, '承办人未在期限内反馈');
    expect(state.redLight).toBe(true);
    state.applyFeedback('head-petition', '已答复', T0 + 2000);
    expect(state).toMatchObject({ routeStatus: 'handled', redLight: false, callbackDue: true });
    expect(rejectionOf(() => state.checkFeedback('head-petition')).code).toBe('conflict');
  });

  it('marks overdue once, and counts reminders, moving overdue → reminded → bulletined', () => {
    const state = stateFor({ type: 'petition' });
    state.dispatch(T0);
    expect(rejectionOf(() => state.checkReminder()).code).toBe('conflict');
    state.markOverdue(T0 + 1, 'first');
    state.markOverdue(T0 + 2, 'second');
    expect(state.timeline.filter((e) => e.kind === 'overdue')).toHaveLength(1);
    state.remind(T0 + 3, 'agent01', null);
    expect(state.status).toBe('reminded');
    state.bulletin(T0 + 4);
    state.remind(T0 + 5, 'system', null);
    expect(state).toMatchObject({ routeStatus: 'bulletined', reminders: 2 });
    expect(state.bulletinedAt).toBe(new Date(T0 + 4).toISOString());
  });

  it('shows "escalated" while the ladder climbs, then the route status once acknowledged', () => {
    const state = stateFor(
      {
        type: 'complaint',
        complaint: { category: 'conduct', specificClues: false },
        caseNumber: DEMO_CASE_NUMBER,
      },
      { urgent: true },
    );
    state.dispatch(T0);
    state.escalation = {
      level: 1,
      notified: ['vice-chief-civil', 'chief-civil'],
      acknowledgedBy: null,
      acknowledgedAt: null,
      note: null,
    };
    expect(state.status).toBe('escalated');
    expect(rejectionOf(() => state.checkAcknowledge('president')).code).toBe('forbidden');
    state.applyAcknowledge('chief-civil', '已处置', T0 + 10);
    expect(state.status).toBe('dispatched');
    expect(rejectionOf(() => state.checkAcknowledge('chief-civil')).code).toBe('conflict');
  });

  it('needs a due, unrecorded callback, and refuses repeat calls on a closed ticket', () => {
    const state = stateFor({ type: 'case_inquiry' }, { litigationRights: true });
    state.answerDirectly(T0);
    expect(state.callbackDue).toBe(true);
    expect(() => state.checkCallback()).not.toThrow();
    state.applyCallback('agent01', { reached: true, satisfied: true, note: null }, T0 + 5);
    expect(rejectionOf(() => state.checkCallback()).code).toBe('conflict');
    state.close(T0 + 6, 'agent01');
    expect(rejectionOf(() => state.checkRepeatCall()).code).toBe('conflict');
  });

  it('records a dispatch after the 2-hour deadline as late', () => {
    const state = stateFor({ type: 'petition' });
    state.setDeadline('dispatchBy', new Date(T0 + 2 * 3600_000).toISOString());
    state.dispatch(T0 + 3 * 3600_000);
    expect(state.timeline.at(-1)?.note).toContain('已超过2小时派发时限');
  });

  describe('the lifecycle additions', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const dispatched = () => {
      const state = stateFor({ type: 'petition' });
      state.dispatch(T0);
      state.setDeadline('feedbackBy', iso(T0 + 3 * 86_400_000));
      return state;
    };
    const filing = { id: 'head-filing', name: '吴立新', role: 'handler' as const };

    it('accepts once, from the handler addressed only', () => {
      const state = dispatched();
      expect(rejectionOf(() => state.checkAccept('judge01')).code).toBe('forbidden');
      state.applyAccept('head-petition', T0 + 1);
      expect(state.acceptedAt).toBe(iso(T0 + 1));
      expect(rejectionOf(() => state.checkAccept('head-petition')).code).toBe('conflict');
    });

    it('returns before the red light only; a reassignment keeps both routes and the time lost', () => {
      const state = dispatched();
      state.applyAccept('head-petition', T0 + 1);
      state.applyReturn('head-petition', '不属信访', T0 + 10);
      expect(state).toMatchObject({ status: 'returned', awaitingFeedback: false });
      expect(state.deadlines.feedbackBy).toBeNull();
      expect(rejectionOf(() => state.checkReassign('head-petition')).code).toBe('invalid');
      state.reassign(
        'agent01',
        { reason: '改由立案庭', target: filing, departmentId: 'filing' },
        filing,
        T0 + 60_000,
      );
      expect(state).toMatchObject({
        status: 'dispatched',
        handler: filing,
        departmentId: 'filing',
        departmentHead: filing,
        acceptedAt: null,
        dispatchedAt: iso(T0 + 60_000),
      });
      expect(state.reassignments[0]).toMatchObject({
        from: { id: 'head-petition' },
        lostMs: 60_000,
      });
      expect(state.disposition.target).toEqual(filing);
      expect(state.input.disposition.target?.id).toBe('head-petition');
      state.markOverdue(T0 + 70_000, 'late');
      expect(rejectionOf(() => state.checkReturn('head-filing')).code).toBe('conflict');
      expect(rejectionOf(() => state.checkReassign('judge01')).code).toBe('conflict');
    });

    it('keeps one pending extension; the head decides, not the one who asked', () => {
      const state = dispatched();
      const later = iso(T0 + 5 * 86_400_000);
      expect(rejectionOf(() => state.checkExtensionRequest('head-petition', iso(T0))).code).toBe(
        'invalid',
      );
      state.applyExtensionRequest('head-petition', later, '外调', T0 + 1);
      expect(rejectionOf(() => state.checkExtensionRequest('head-petition', later)).code).toBe(
        'conflict',
      );
      // head-petition heads its own department: only a supervisor may decide.
      expect(rejectionOf(() => state.checkExtensionDecision('head-petition', false)).code).toBe(
        'forbidden',
      );
      expect(() => state.checkExtensionDecision('supervisor01', true)).not.toThrow();
      state.applyExtensionDecision('supervisor01', true, null, T0 + 2);
      expect(state.deadlines.feedbackBy).toBe(later);
      expect(state.extension).toMatchObject({
        status: 'approved',
        decidedBy: 'supervisor01',
        previousFeedbackBy: iso(T0 + 3 * 86_400_000),
      });
    });

    it('an unanswered extension expires with the red light', () => {
      const state = dispatched();
      state.applyExtensionRequest('head-petition', iso(T0 + 5 * 86_400_000), '外调', T0 + 1);
      state.markOverdue(T0 + 3 * 86_400_000, '承办人未在期限内反馈');
      expect(state.extension?.status).toBe('expired');
      expect(state.timeline.at(-1)?.kind).toBe('extension_expired');
      expect(rejectionOf(() => state.checkExtensionDecision('supervisor01', true)).code).toBe(
        'conflict',
      );
    });
  });
});
