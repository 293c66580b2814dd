import mongoose from 'mongoose';
import { ledgerPageIds, markedTicketIds } from '../../activities/reporting/facts-queries';
import { type FactsSource, LedgerFactsStore } from '../../libs/database/src';
import { answeredTicket } from '../support/ledger-seed';
import { testDatabaseUri } from '../support/test-env';

const DAY = 86_400_000;
const PAGE_BASE = Date.parse('2026-03-01T16:00:00Z'); // 2026-03-02 00:00 Shanghai
const MARK_BASE = Date.parse('2026-05-31T16:00:00Z'); // 2026-06-01 00:00 Shanghai

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
});
