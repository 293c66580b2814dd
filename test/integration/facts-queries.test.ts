import {
  ledgerPageIds,
  markedTicketIds,
  parseAcceptWithin,
  unacceptedTickets,
} from '@court/reporting';
import mongoose from 'mongoose';
import { type FactsSource, LedgerFactsStore } from '../../libs/database/src';
import { createCourtCalendar } from '../../libs/domain/src';
import { answeredTicket } from '../support/ledger-seed';
import { testDatabaseUri } from '../support/test-env';

const DAY = 86_400_000;
const PAGE_BASE = Date.parse('2026-03-01T16:00:00Z'); // 2026-03-02 00:00 Shanghai
const MARK_BASE = Date.parse('2026-05-31T16:00:00Z'); // 2026-06-01 00:00 Shanghai
const ACCEPT_BASE = Date.parse('2026-09-07T01:00:00Z'); // Monday 2026-09-07 09:00 Shanghai

function ticket(id: string, receivedAt: number, over: Partial<FactsSource> = {}): FactsSource {
  return answeredTicket(id, new Date(receivedAt), over);
}

describe('ledger pages and marked tickets from the read model on the database server', () => {
  let connection: mongoose.Connection;
  let store: LedgerFactsStore;
  const pages = { from: new Date(PAGE_BASE), to: new Date(PAGE_BASE + 5 * DAY) };

  beforeAll(async () => {
    connection = await mongoose.createConnection(testDatabaseUri('facts_queries')).asPromise();
    store = LedgerFactsStore.of(connection);
    const at = (ms: number) => new Date(ms);
    await store.put([
      ticket('T1-2', PAGE_BASE + 5),
      ticket('T1-1', PAGE_BASE + 5),
      ticket('T1-0', PAGE_BASE + 1),
      ticket('T3-1', PAGE_BASE + 2 * DAY + 9, {
        type: 'complaint',
        status: 'dispatched',
        departmentId: 'filing',
      }),
      ticket('T3-0', PAGE_BASE + 2 * DAY + 1, { status: 'closed' }),
      ticket('T4-0', PAGE_BASE + 3 * DAY, {
        type: 'complaint',
        status: 'dispatched',
        departmentId: 'civil',
      }),
      ticket('M-1', MARK_BASE, {
        bulletinedAt: at(MARK_BASE + 5 * DAY),
        overdueAt: at(MARK_BASE + 3 * DAY),
      }),
      ticket('M-2', MARK_BASE + 1, {
        bulletinedAt: at(MARK_BASE + 4 * DAY),
        overdueAt: at(MARK_BASE + 3 * DAY),
      }),
      ticket('M-3', MARK_BASE + 2, { bulletinedAt: at(MARK_BASE + 9 * DAY) }),
      ticket('M-4', MARK_BASE + DAY, { bulletinedAt: at(MARK_BASE + 4 * DAY) }),
      ticket('M-5', MARK_BASE + DAY, { overdueAt: at(MARK_BASE + DAY / 2) }),
      // Transfers awaiting 签收 on three days; A-3 was logged before it (no acceptedAt).
      ...[
        ['A-1', ACCEPT_BASE + 2 * DAY, {}],
        ['A-2', ACCEPT_BASE, {}],
        ['A-3', ACCEPT_BASE, { acceptedAt: undefined }],
        ['A-4', ACCEPT_BASE + DAY, { acceptedAt: at(ACCEPT_BASE + DAY + 60_000) }],
        ['A-5', ACCEPT_BASE + DAY, { status: 'bulletined' }],
        ['A-6', ACCEPT_BASE + 3 * DAY, {}], // dispatched Thursday 09:00: due 11:00
      ].map(([id, received, over]) =>
        ticket(id as string, received as number, {
          type: 'complaint',
          status: 'dispatched',
          handlerId: 'judge01',
          departmentId: 'civil',
          dispatchedAt: at(received as number),
          acceptedAt: null,
          ...(over as Partial<FactsSource>),
        }),
      ),
    ]);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('orders a page by receipt then id, across days, and counts every match', async () => {
    expect(await ledgerPageIds(store, { period: pages }, 1, 50)).toEqual({
      ids: ['T1-0', 'T1-1', 'T1-2', 'T3-0', 'T3-1', 'T4-0'],
      total: 6,
    });
  });

  it('pages across a day boundary', async () => {
    expect(await ledgerPageIds(store, { period: pages }, 2, 2)).toEqual({
      ids: ['T1-2', 'T3-0'],
      total: 6,
    });
    expect(await ledgerPageIds(store, { period: pages }, 4, 2)).toEqual({ ids: [], total: 6 });
  });

  it('filters a page by type, status and department', async () => {
    expect(await ledgerPageIds(store, { period: pages, type: 'complaint' }, 1, 50)).toEqual({
      ids: ['T3-1', 'T4-0'],
      total: 2,
    });
    expect(await ledgerPageIds(store, { period: pages, status: 'closed' }, 1, 50)).toEqual({
      ids: ['T3-0'],
      total: 1,
    });
    expect(
      await ledgerPageIds(
        store,
        { period: pages, type: 'complaint', departmentId: 'civil' },
        1,
        50,
      ),
    ).toEqual({ ids: ['T4-0'], total: 1 });
  });

  it('lists the tickets marked in a period by the time of the mark, whenever received', async () => {
    const period = { from: new Date(MARK_BASE + 4 * DAY), to: new Date(MARK_BASE + 6 * DAY) };
    expect(await markedTicketIds(store, 'bulletinedAt', period, 10)).toEqual({
      ids: ['M-2', 'M-4', 'M-1'],
      count: 3,
    });
    expect(
      await markedTicketIds(store, 'overdueAt', { from: new Date(MARK_BASE), to: period.to }, 10),
    ).toEqual({ ids: ['M-5', 'M-1', 'M-2'], count: 3 });
  });

  it('keeps the count of marked tickets exact beyond the listed maximum', async () => {
    const period = { from: new Date(MARK_BASE + 4 * DAY), to: new Date(MARK_BASE + 6 * DAY) };
    expect(await markedTicketIds(store, 'bulletinedAt', period, 2)).toEqual({
      ids: ['M-2', 'M-4'],
      count: 3,
    });
  });

  it('lists the transfers not accepted in time from every day, longest overdue first', async () => {
    const calendar = createCourtCalendar();
    const within = parseAcceptWithin('2h')!;
    // Thursday 10:30: A-6, dispatched at 09:00, still has half an hour.
    const now = ACCEPT_BASE + 3 * DAY + 1.5 * 3_600_000;
    const all = await unacceptedTickets(store, { now, calendar, within, limit: 10 });
    expect(all.items.map((t) => t.id)).toEqual(['A-2', 'A-5', 'A-1']);
    expect(all.total).toBe(3);
    expect(all.items[0]).toEqual({
      id: 'A-2',
      type: 'complaint',
      handlerId: 'judge01',
      departmentId: 'civil',
      dispatchedAt: ACCEPT_BASE,
      acceptBy: ACCEPT_BASE + 2 * 3_600_000,
    });
    expect(await unacceptedTickets(store, { now, calendar, within, limit: 1 })).toEqual({
      items: [all.items[0]],
      total: 3,
    });
    const later = await unacceptedTickets(store, {
      now: now + 3_600_000,
      calendar,
      within,
      limit: 10,
    });
    expect(later.items.map((t) => t.id)).toEqual(['A-2', 'A-5', 'A-1', 'A-6']);
  });
});
