import type { LedgerFactsStore, TicketFacts } from '@court/database';
import { ledgerPageIds, markedTicketIds } from './facts-queries';

const DAY = 86_400_000;

function facts(id: string, receivedAt: number, over: Partial<TicketFacts> = {}): TicketFacts {
  return {
    id,
    type: 'case_inquiry',
    departmentId: null,
    handlerId: null,
    loggedBy: 'agent01',
    action: 'direct_answer',
    status: 'answered',
    receivedAt,
    ringAt: null,
    answeredAt: null,
    dispatchBy: null,
    dispatchedAt: null,
    feedbackBy: null,
    feedbackAt: null,
    callbackBy: null,
    overdueAt: null,
    remindedAt: null,
    bulletinedAt: null,
    callbackDue: false,
    keyCallback: false,
    callback: null,
    ...over,
  };
}

/** Days in order, each day's tickets in no particular order, as the store yields them. */
const DAYS: TicketFacts[][] = [
  [facts('T1-2', 5), facts('T1-1', 5), facts('T1-0', 1)],
  [],
  [
    facts('T3-1', 2 * DAY + 9, { type: 'complaint', status: 'dispatched', departmentId: 'filing' }),
    facts('T3-0', 2 * DAY + 1, { status: 'closed' }),
  ],
  [facts('T4-0', 3 * DAY, { type: 'complaint', status: 'dispatched', departmentId: 'civil' })],
];

const store = {
  async *read() {
    for (const day of DAYS) yield day.map((t) => ({ ...t }));
  },
} as unknown as LedgerFactsStore;

const period = { from: null, to: null };

describe('a page of the ledger from the read model', () => {
  it('orders by receipt then id, across days, and counts every match', async () => {
    expect(await ledgerPageIds(store, { period }, 1, 50)).toEqual({
      ids: ['T1-0', 'T1-1', 'T1-2', 'T3-0', 'T3-1', 'T4-0'],
      total: 6,
    });
  });

  it('pages across a day boundary', async () => {
    expect(await ledgerPageIds(store, { period }, 2, 2)).toEqual({
      ids: ['T1-2', 'T3-0'],
      total: 6,
    });
    expect(await ledgerPageIds(store, { period }, 4, 2)).toEqual({ ids: [], total: 6 });
  });

  it('filters by type, status and department', async () => {
    expect(await ledgerPageIds(store, { period, type: 'complaint' }, 1, 50)).toEqual({
      ids: ['T3-1', 'T4-0'],
      total: 2,
    });
    expect(await ledgerPageIds(store, { period, status: 'closed' }, 1, 50)).toEqual({
      ids: ['T3-0'],
      total: 1,
    });
    expect(
      await ledgerPageIds(store, { period, type: 'complaint', departmentId: 'civil' }, 1, 50),
    ).toEqual({ ids: ['T4-0'], total: 1 });
  });
});

describe('the tickets marked in a period, from the read model', () => {
  const marked: TicketFacts[][] = [
    [
      facts('M-1', 0, { bulletinedAt: 5 * DAY, overdueAt: 3 * DAY }),
      facts('M-2', 1, { bulletinedAt: 4 * DAY, overdueAt: 3 * DAY }),
      facts('M-3', 2, { bulletinedAt: 9 * DAY }),
    ],
    [facts('M-4', DAY, { bulletinedAt: 4 * DAY }), facts('M-5', DAY, { overdueAt: DAY / 2 })],
  ];
  const markedStore = {
    async *read() {
      for (const day of marked) yield day;
    },
  } as unknown as LedgerFactsStore;
  const period = { from: new Date(4 * DAY), to: new Date(6 * DAY) };

  it('lists them by the time of the mark, then id, whenever they were received', async () => {
    expect(await markedTicketIds(markedStore, 'bulletinedAt', period, 10)).toEqual({
      ids: ['M-2', 'M-4', 'M-1'],
      count: 3,
    });
    expect(
      await markedTicketIds(markedStore, 'overdueAt', { from: null, to: period.to }, 10),
    ).toEqual({
      ids: ['M-5', 'M-1', 'M-2'],
      count: 3,
    });
  });

  it('keeps the count exact beyond the listed maximum', async () => {
    expect(await markedTicketIds(markedStore, 'bulletinedAt', period, 2)).toEqual({
      ids: ['M-2', 'M-4'],
      count: 3,
    });
  });
});
