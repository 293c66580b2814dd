import type { TicketView } from '../../api/types';
import { aTicket } from './test-ticket';

type EscalationLevels = NonNullable<TicketView['disposition']>['escalationLadder'];

import {
  escalationLadderOf,
  escalationOf,
  feedbackWindowStart,
  isAwaitingFeedback,
  isFinished,
} from './ticket-state';

describe('ticket state', () => {
  it('awaits feedback in a dispatched transfer without feedback', () => {
    expect(isAwaitingFeedback(aTicket())).toBe(true);
    expect(isAwaitingFeedback(aTicket({ status: 'handled' }))).toBe(false);
  });

  it('is finished when closed, or answered without a callback due', () => {
    expect(isFinished({ status: 'closed', callbackDue: false })).toBe(true);
    expect(isFinished({ status: 'answered', callbackDue: false })).toBe(true);
    expect(isFinished({ status: 'answered', callbackDue: true })).toBe(false);
  });

  it('reads the escalation defensively (the ledger has no notified list)', () => {
    expect(escalationOf(aTicket())).toBeNull();
    // The ledger's copy (a finished ticket, or the worker away) has no `notified`.
    const fromLedger = { level: 2, acknowledgedBy: null } as unknown as TicketView['escalation'];
    expect(escalationOf(aTicket({ escalation: fromLedger }))).toEqual({
      level: 2,
      notified: [],
      acknowledgedBy: null,
      acknowledgedAt: null,
      note: null,
    });
  });

  it('reads the ladder of a 4.8 disposition', () => {
    const ladder = [
      { level: 1, label: '庭领导', people: [{ id: 'vice-chief-civil', name: '赵红梅' }] },
      { nonsense: true },
    ] as unknown as EscalationLevels;
    const ticket = aTicket();
    expect(escalationLadderOf({ ...ticket.disposition!, escalationLadder: ladder })).toEqual([
      { level: 1, label: '庭领导', people: [{ id: 'vice-chief-civil', name: '赵红梅' }] },
    ]);
    expect(escalationLadderOf(null)).toEqual([]);
  });

  it('opens the feedback window at dispatch, else at receipt', () => {
    expect(feedbackWindowStart(aTicket())).toBe('2026-11-28T01:00:00.000Z');
    expect(
      feedbackWindowStart(aTicket({ timeline: [], receivedAt: '2026-11-27T00:00:00.000Z' })),
    ).toBe('2026-11-27T00:00:00.000Z');
  });
});
