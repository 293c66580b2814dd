import mongoose from 'mongoose';
import { createLedgerActivities } from '../../activities/ledger/ledger.activities';
import {
  buildLedgerFacts,
  LedgerFactsStore,
  ledgerModels,
  type TicketFacts,
} from '../../libs/database/src';
import { testDatabaseUri } from '../support/test-env';

const H = 3_600_000;
// 2026-11-27 23:30 Shanghai: the Shanghai day, not the UTC one, holds it.
const LATE_EVENING = Date.parse('2026-11-27T15:30:00Z');

async function readAll(
  store: LedgerFactsStore,
  period: { from: Date | null; to: Date | null },
): Promise<TicketFacts[]> {
  const all: TicketFacts[] = [];
  for await (const day of store.read(period)) all.push(...day);
  return all;
}

describe('the metrics read model (ledger facts by day) on the database server', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testDatabaseUri('facts')).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('the ledger activity keeps a ticket’s facts, merged with what the intake wrote', async () => {
    const models = ledgerModels(connection);
    const store = LedgerFactsStore.of(connection);
    await models.tickets.collection.insertOne({
      _id: 'TF-1' as never,
      type: 'complaint',
      loggedBy: 'agent07',
      ringAt: new Date(LATE_EVENING - 12_000),
      answeredAt: new Date(LATE_EVENING),
      receivedAt: new Date(LATE_EVENING),
      status: 'open',
    });
    const { syncTicketLedger } = createLedgerActivities(models, store);
    const fields = {
      type: 'complaint',
      status: 'dispatched',
      receivedAt: new Date(LATE_EVENING),
      disposition: { action: 'transfer', rule: '4.5' },
      departmentId: 'filing',
      handlerId: 'head-filing',
      deadlines: { dispatchBy: new Date(LATE_EVENING + 2 * H), feedbackBy: null },
      dispatchedAt: new Date(LATE_EVENING + 60_000),
    };
    await syncTicketLedger({ ticketId: 'TF-1', fields: fields as never, events: [] });
    await syncTicketLedger({
      ticketId: 'TF-1',
      fields: { ...fields, overdueAt: new Date(LATE_EVENING + 3 * H) } as never,
      events: [],
    });

    const day = await readAll(store, {
      from: new Date('2026-11-26T16:00:00Z'),
      to: new Date('2026-11-27T16:00:00Z'),
    });
    expect(day).toEqual([
      expect.objectContaining({
        id: 'TF-1',
        loggedBy: 'agent07',
        ringAt: LATE_EVENING - 12_000,
        answeredAt: LATE_EVENING,
        action: 'transfer',
        departmentId: 'filing',
        overdueAt: LATE_EVENING + 3 * H,
      }),
    ]);
    expect(await readAll(store, { from: new Date('2026-11-27T16:00:00Z'), to: null })).toEqual([]);
  });

  it('keeps every ticket of a day when many are written at once', async () => {
    const store = LedgerFactsStore.of(connection);
    const ids = Array.from({ length: 40 }, (_, i) => `TF-C${String(i).padStart(2, '0')}`);
    await Promise.all(
      ids.map((id, i) =>
        store.put([
          {
            _id: id,
            type: 'other',
            receivedAt: new Date(Date.parse('2026-10-08T02:00:00Z') + i * 1000),
          } as never,
        ]),
      ),
    );
    const read = await readAll(store, {
      from: new Date('2026-10-08T00:00:00Z'),
      to: new Date('2026-10-09T00:00:00Z'),
    });
    expect(read.map((f) => f.id).sort()).toEqual(ids);
    // Grouped: the first write alone, the 39 that queued behind it in one more.
    const bucket = await connection
      .collection<{ _id: string; v: number }>('ledger_fact_day_list')
      .findOne({ _id: '2026-10-08#0' });
    expect(bucket?.v).toBe(2);
  });

  it('splits a busy day into buckets of ticket numbers and reads it back as one day', async () => {
    const store = LedgerFactsStore.of(connection);
    const start = Date.parse('2026-08-03T01:00:00Z');
    const docs = Array.from({ length: 300 }, (_, i) => ({
      _id: `T20260803-${String(i + 1).padStart(4, '0')}`,
      type: 'other',
      receivedAt: new Date(start + i * 60_000),
    }));
    await store.put(docs as never[]);
    const buckets = await connection
      .collection('ledger_fact_day_list')
      .find({ _id: { $regex: '^2026-08-03#' } } as never)
      .toArray();
    expect(buckets.map((b) => b._id).sort()).toEqual([
      '2026-08-03#0',
      '2026-08-03#1',
      '2026-08-03#2',
    ]);
    const days: TicketFacts[][] = [];
    for await (const day of store.read({
      from: new Date('2026-08-01T00:00:00Z'),
      to: new Date('2026-08-05T00:00:00Z'),
    })) {
      days.push(day);
    }
    expect(days).toHaveLength(1);
    expect(days[0]!.map((f) => f.id).sort()).toEqual(docs.map((d) => d._id));
  });

  it('reads a period to the millisecond and days in order, past and future bounds alike', async () => {
    const store = LedgerFactsStore.of(connection);
    const at = (iso: string) => ({ _id: `TF-${iso}`, type: 'other', receivedAt: new Date(iso) });
    await store.put(
      ['2025-01-02T01:00:00Z', '2025-01-02T01:00:01Z', '2025-01-05T01:00:00Z'].map(at) as never[],
    );
    const ids = async (from: string | null, to: string | null) =>
      (
        await readAll(store, { from: from ? new Date(from) : null, to: to ? new Date(to) : null })
      ).map((f) => f.id);
    expect(await ids('2025-01-02T01:00:00.001Z', '2025-01-05T01:00:00Z')).toEqual([
      'TF-2025-01-02T01:00:01Z',
    ]);
    expect(await ids('2024-12-01T00:00:00Z', '2025-02-01T00:00:00Z')).toEqual([
      'TF-2025-01-02T01:00:00Z',
      'TF-2025-01-02T01:00:01Z',
      'TF-2025-01-05T01:00:00Z',
    ]);
  });

  it('a reader with a cache sees every later write to a day it has cached', async () => {
    const writer = LedgerFactsStore.of(connection);
    const reader = LedgerFactsStore.of(connection, { cacheTickets: 1_000 });
    const period = { from: new Date('2026-09-01T00:00:00Z'), to: new Date('2026-09-02T00:00:00Z') };
    const ticket = (overdueAt: Date | null, id = 'TF-CACHE') =>
      ({
        _id: id,
        type: 'complaint',
        receivedAt: new Date('2026-09-01T02:00:00Z'),
        overdueAt,
      }) as never;
    await writer.put([ticket(null)]);
    expect((await readAll(reader, period)).map((f) => f.overdueAt)).toEqual([null]);
    const overdueAt = new Date('2026-09-04T02:00:00Z');
    await writer.put([ticket(overdueAt)]);
    expect((await readAll(reader, period)).map((f) => f.overdueAt)).toEqual([overdueAt.getTime()]);
    await writer.put([ticket(null, 'TF-CACHE-2')]);
    expect((await readAll(reader, period)).map((f) => f.id).sort()).toEqual([
      'TF-CACHE',
      'TF-CACHE-2',
    ]);
  });

  it('builds the read model once from a ledger that had none', async () => {
    const older = await mongoose.createConnection(testDatabaseUri('facts_build')).asPromise();
    try {
      const tickets = Array.from({ length: 25 }, (_, i) => ({
        _id: `TB-${i}`,
        type: 'case_inquiry',
        receivedAt: new Date(Date.parse('2026-03-01T02:00:00Z') + i * 6 * H),
        disposition: { action: 'direct_answer', rule: '4.1' },
      }));
      await ledgerModels(older).tickets.collection.insertMany(tickets as never[]);
      const progress: number[] = [];
      expect(await buildLedgerFacts(older, (n) => progress.push(n), 10)).toEqual({
        built: true,
        tickets: 25,
      });
      expect(progress).toEqual([10, 20, 25]);
      const store = LedgerFactsStore.of(older);
      const read = await readAll(store, { from: null, to: null });
      expect(read).toHaveLength(25);
      expect(read.every((f) => f.action === 'direct_answer')).toBe(true);
      expect(await buildLedgerFacts(older)).toEqual({ built: false, tickets: 0 });
      // A read model of an older format is replaced, not added to.
      await older.collection('schema_migrations').deleteMany({});
      await buildLedgerFacts(older);
      expect(await readAll(LedgerFactsStore.of(older), { from: null, to: null })).toHaveLength(25);
    } finally {
      await older.dropDatabase();
      await older.close();
    }
  });
});
