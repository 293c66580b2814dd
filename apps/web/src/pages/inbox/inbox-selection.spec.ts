import type { TicketListItem, TicketView } from '../../api/types';
import {
  type InboxViewer,
  inboxRequests,
  inboxRows,
  mayHaveInbox,
  sortInbox,
} from './inbox-selection';

const judge: InboxViewer = { id: 'judge01', roles: ['handler'], headOf: [] };
const head: InboxViewer = { id: 'head-civil', roles: ['handler'], headOf: ['civil'] };
const leader: InboxViewer = { id: 'vice-chief-civil', roles: ['leader'], headOf: [] };

const escalatedTo = (notified: string[], acknowledgedBy: string | null) => ({
  escalation: { level: 1, notified, acknowledgedBy, acknowledgedAt: null, note: null },
});

function item(id: string, over: Partial<TicketListItem> = {}): TicketListItem {
  return {
    id,
    workflowId: `ticket-${id}`,
    channel: 'phone',
    type: 'contact_judge',
    caseNumber: null,
    caller: { name: '张三', phone: '138****8000' },
    status: 'dispatched',
    redLight: false,
    disposition: null,
    handlerId: 'judge01',
    departmentId: 'civil',
    deadlines: {
      dispatchBy: null,
      feedbackBy: '2026-12-01T00:00:00Z',
      reminderBy: null,
      bulletinBy: null,
      callbackBy: null,
    },
    loggedBy: 'agent01',
    receivedAt: '2026-11-28T00:00:00Z',
    createdAt: null,
    updatedAt: null,
    ...over,
  } as TicketListItem;
}

describe('inboxRequests', () => {
  it('asks once for the handler’s tickets in every status that awaits feedback', () => {
    expect(inboxRequests(judge)).toEqual([
      {
        reason: 'addressed',
        query: {
          status: 'dispatched,overdue,reminded,bulletined,escalated',
          targetId: 'judge01',
          limit: 100,
          page: 1,
        },
      },
    ]);
  });

  it('adds the department a head heads', () => {
    const departmental = inboxRequests(head).filter((r) => r.reason === 'department');
    expect(departmental).toEqual([
      {
        reason: 'department',
        query: expect.objectContaining({ departmentId: 'civil', status: expect.any(String) }),
      },
    ]);
  });

  it('adds the escalated tickets for a leader', () => {
    const requests = inboxRequests(leader);
    expect(requests.filter((r) => r.reason === 'escalation')).toEqual([
      { reason: 'escalation', query: { status: 'escalated', limit: 100, page: 1 } },
    ]);
  });

  it('has nothing for an agent', () => {
    expect(mayHaveInbox({ roles: ['agent'] })).toBe(false);
    expect(inboxRequests({ id: 'agent01', roles: ['agent'], headOf: [] })).toEqual([]);
  });
});

describe('inboxRows', () => {
  it('lists each ticket once, addressed to me before my department', () => {
    const t = item('T20261128-0001');
    const rows = inboxRows(
      head,
      [
        { reason: 'addressed', items: [t] },
        { reason: 'department', items: [t, item('T20261128-0002')] },
      ],
      new Map(),
    );
    expect(rows.map((r) => [r.item.id, r.reasons])).toEqual([
      ['T20261128-0001', ['addressed']],
      ['T20261128-0002', ['department']],
    ]);
  });

  it('keeps an escalation only when it was escalated to me and is not acknowledged', () => {
    const mine = item('T20261128-0003', { status: 'escalated' });
    const notMine = item('T20261128-0004', { status: 'escalated' });
    const done = item('T20261128-0005', { status: 'escalated' });
    const details = new Map<string, Pick<TicketView, 'escalation'>>([
      [mine.id, escalatedTo(['vice-chief-civil'], null)],
      [notMine.id, escalatedTo(['vice-president'], null)],
      [done.id, escalatedTo(['vice-chief-civil'], 'chief-civil')],
    ]);
    const rows = inboxRows(
      leader,
      [{ reason: 'escalation', items: [mine, notMine, done, item('T20261128-0006')] }],
      details,
    );
    expect(rows.map((r) => [r.item.id, r.awaitsAcknowledgement])).toEqual([[mine.id, true]]);
  });
});

describe('sortInbox', () => {
  it('puts escalations to acknowledge first, then red, yellow, and the nearest deadline', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    const row = (id: string, over: Partial<TicketListItem>, ack = false) => ({
      item: item(id, over),
      reasons: [],
      awaitsAcknowledgement: ack,
    });
    const later = row('T4', {
      receivedAt: '2026-11-30T11:00:00Z',
      deadlines: { ...item('x').deadlines, feedbackBy: '2026-12-03T11:00:00Z' },
    });
    const sooner = row('T3', {
      receivedAt: '2026-11-30T10:00:00Z',
      deadlines: { ...item('x').deadlines, feedbackBy: '2026-12-03T10:00:00Z' },
    });
    const yellow = row('T2', {}); // 2.5 of 3 days gone
    const red = row('T1', { status: 'overdue', redLight: true });
    const ack = row('T5', { status: 'escalated', deadlines: item('x').deadlines }, true);
    expect(sortInbox([later, sooner, yellow, red, ack], now).map((r) => r.item.id)).toEqual([
      'T5',
      'T1',
      'T2',
      'T3',
      'T4',
    ]);
  });
});
