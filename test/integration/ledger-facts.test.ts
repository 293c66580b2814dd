import { computeMetrics, IDENTITY_NAMES } from '@court/reporting';
import mongoose from 'mongoose';
import { createLedgerActivities } from '../../activities/ledger/ledger.activities';
import { ledgerMetrics } from '../../activities/reporting/reporting.activities';
import {
  buildLedgerFacts,
  encodeFacts,
  type FactsSource,
  LedgerFactsStore,
  ledgerModels,
  type TicketFacts,
  TicketLedgerRepository,
  ticketFacts,
} from '../../libs/database/src';
import { answeredTicket } from '../support/ledger-seed';
import { testDatabaseUri } from '../support/test-env';

type StoreModule = typeof import('../../libs/database/src/ledger-facts-store');

/** The store's module loaded afresh, as another process has it: no queue or cache in common. */
function processCopy(): StoreModule {
  let copy: StoreModule | undefined;
  jest.isolateModules(() => {
    copy = require('../../libs/database/src/ledger-facts-store') as StoreModule;
  });
  return copy!;
}

const DAY = 86_400_000;

const H = 3_600_000;
// 2026-11-27 23:30 Shanghai: the Shanghai day, not the UTC one, holds it.
const LATE_EVENING = Date.parse('2026-11-27T15:30:00Z');

function byId(facts: TicketFacts[]): TicketFacts[] {
  return [...facts].sort((a, b) => (a.id < b.id ? -1 : 1));
}

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
    const { syncTicketLedger } = createLedgerActivities(
      TicketLedgerRepository.of(connection),
      store,
    );
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
    // The workflow moved to another worker: its write must win over the first one's.
    const elsewhere = createLedgerActivities(
      TicketLedgerRepository.of(connection),
      processCopy().LedgerFactsStore.of(connection),
    );
    await elsewhere.syncTicketLedger({
      ticketId: 'TF-1',
      fields: { ...fields, overdueAt: new Date(LATE_EVENING + 3 * H) } as never,
      events: [],
    });
    expect(await models.tickets.collection.findOne({ _id: 'TF-1' as never })).toMatchObject({
      rev: 2,
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
    const buckets = await connection
      .collection<{ _id: string; v: number }>('ledger_fact_day_list')
      .find({ _id: { $regex: '^2026-10-08#0@' } })
      .toArray();
    expect(buckets.map((b) => b.v)).toEqual([2]);
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
    expect(buckets.map((b) => String(b._id).replace(/@.*/, '')).sort()).toEqual([
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
        merged: 0,
      });
      expect(progress).toEqual([10, 20, 25]);
      const store = LedgerFactsStore.of(older);
      const read = await readAll(store, { from: null, to: null });
      expect(read).toHaveLength(25);
      expect(read.every((f) => f.action === 'direct_answer')).toBe(true);
      expect(await buildLedgerFacts(older)).toEqual({ built: false, tickets: 0, merged: 0 });
      // Facts of an older format (one writer, no writer in the ids) are removed, not read.
      await older.collection('schema_migrations').deleteMany({});
      await older
        .collection<{ _id: string; tickets: Record<string, string> }>('ledger_fact_days')
        .insertOne({ _id: '2026-03-01#0', tickets: { 'TB-0': 'v1|case_inquiry' } });
      await older.collection<{ _id: string; v: number }>('ledger_fact_day_list').insertOne({
        _id: '2026-03-01#0',
        v: 9,
      });
      await buildLedgerFacts(older);
      expect(await readAll(LedgerFactsStore.of(older), { from: null, to: null })).toHaveLength(25);
    } finally {
      await older.dropDatabase();
      await older.close();
    }
  });

  describe('written by two processes at once', () => {
    // 2026-04-06 00:00 Shanghai; 400 tickets over three days, two buckets of numbers each.
    const DAY0 = Date.parse('2026-04-05T16:00:00Z');
    const TICKETS = 400;
    const period = { from: new Date(DAY0), to: new Date(DAY0 + 3 * DAY) };
    const lastRev = (k: number) => 1 + (k % 5);

    /** Ticket k as its ledger document stands after its `rev`-th write. */
    function ticketAt(k: number, rev: number): FactsSource {
      const day = k % 3;
      const at = DAY0 + day * DAY + 8 * H + k * 1_000;
      const id = `T2026040${6 + day}-${String(Math.floor(k / 3) + 1).padStart(4, '0')}`;
      const on = (ms: number) => new Date(at + ms);
      return answeredTicket(id, new Date(at), {
        rev,
        type: 'complaint',
        disposition: { action: 'transfer', rule: '4.5' },
        status: ['dispatched', 'overdue', 'overdue', 'handled', 'closed'][rev - 1]!,
        departmentId: `dept-${k % 4}`,
        handlerId: `judge-${k % 6}`,
        deadlines: { dispatchBy: on(2 * H), feedbackBy: on(3 * DAY), callbackBy: on(7 * DAY) },
        dispatchedAt: on(k % 3 === 0 ? 3 * H : 10 * 60_000),
        overdueAt: rev >= 2 ? on(3 * DAY) : null,
        remindedAt: rev >= 3 ? on(3 * DAY + H) : null,
        feedback: rev >= 4 ? { result: 'done', at: on(4 * DAY), by: 'judge' } : null,
        callbackDue: rev >= 4,
        callback:
          rev >= 5
            ? { reached: k % 2 === 0, satisfied: k % 4 === 0, note: null, at: on(5 * DAY), by: 'a' }
            : null,
      } as Partial<FactsSource>);
    }

    it('keeps every ticket, and each ticket’s newest facts, with exact metrics', async () => {
      const uri = testDatabaseUri('facts_two_writers');
      const [one, two] = await Promise.all([
        mongoose.createConnection(uri).asPromise(),
        mongoose.createConnection(uri).asPromise(),
      ]);
      try {
        const writers = [
          processCopy().LedgerFactsStore.of(one),
          processCopy().LedgerFactsStore.of(two),
        ];
        const cached = processCopy().LedgerFactsStore.of(two, { cacheTickets: 10_000 });
        const ks = Array.from({ length: TICKETS }, (_, k) => k);
        // Each ticket's writes in order, as its workflow makes them; each by one process or the
        // other (a workflow moves between workers), all tickets at once.
        for (let rev = 1; rev <= 5; rev++) {
          await Promise.all(
            ks
              .filter((k) => lastRev(k) >= rev)
              .map((k) => writers[(k + rev) % 2]!.put([ticketAt(k, rev)])),
          );
          if (rev === 2) expect((await readAll(cached, period)).length).toBeGreaterThan(0);
        }
        // A copy older than the newest, written late by the other process (the build of a worker
        // that starts while another writes), must not hide the newest.
        await Promise.all(
          ks
            .filter((k) => k % 7 === 0 && lastRev(k) >= 2)
            .map((k) => writers[(k + lastRev(k) + 1) % 2]!.put([ticketAt(k, lastRev(k) - 1)])),
        );

        const newest = ks.map((k) => ticketAt(k, lastRev(k)));
        const expected = byId(newest.map(ticketFacts));
        const fresh = processCopy().LedgerFactsStore.of(one);
        expect(byId(await readAll(fresh, period))).toEqual(expected);
        expect(byId(await readAll(cached, period))).toEqual(expected);

        const now = new Date(DAY0 + 30 * DAY);
        const names = { ...IDENTITY_NAMES, departmentHead: () => null };
        expect(await ledgerMetrics(fresh, period, names, { now })).toEqual(
          computeMetrics(newest, { now, period, names: IDENTITY_NAMES }),
        );
      } finally {
        await one.dropDatabase();
        await Promise.all([one.close(), two.close()]);
      }
    });
  });

  describe('merging the buckets of dead writers', () => {
    // 2026-01-02 00:00 Shanghai; ten days of 200 tickets, two buckets of numbers each.
    const BASE = Date.parse('2026-01-01T16:00:00Z');
    const period = { from: new Date(BASE), to: new Date(BASE + 10 * DAY) };
    const ks = Array.from({ length: 2_000 }, (_, k) => k);
    const doc = (k: number, rev: number) =>
      answeredTicket(
        `T202601${String(2 + Math.floor(k / 200)).padStart(2, '0')}-${String((k % 200) + 1).padStart(4, '0')}`,
        new Date(BASE + Math.floor(k / 200) * DAY + (k % 200) * 60_000),
        { rev, status: (['answered', 'dispatched', 'handled', 'closed'] as const)[rev - 1]! },
      );
    const write = async (store: LedgerFactsStore, picked: number[], rev: number) => {
      for (let i = 0; i < picked.length; i += 200) {
        await store.put(picked.slice(i, i + 200).map((k) => doc(k, rev)));
      }
    };
    const newest = (revOf: (k: number) => number) =>
      byId(ks.map((k) => ticketFacts(doc(k, revOf(k)))));

    /** Reads the period through a connection of its own; the queries and documents it took. */
    async function readCost(uri: string) {
      const conn = await mongoose.createConnection(uri, { monitorCommands: true }).asPromise();
      let queries = 0;
      let documents = 0;
      conn.getClient().on('commandSucceeded', (event) => {
        if (event.commandName !== 'find' && event.commandName !== 'getMore') return;
        if (event.commandName === 'find') queries += 1;
        const { cursor } = event.reply as { cursor: { firstBatch?: []; nextBatch?: [] } };
        documents += (cursor.firstBatch ?? cursor.nextBatch ?? []).length;
      });
      try {
        const facts = await readAll(LedgerFactsStore.of(conn), period);
        return { queries, documents, facts: byId(facts) };
      } finally {
        await conn.close();
      }
    }

    it('a period costs one query per writer’s bucket, and one per day and numbers once merged', async () => {
      const uri = testDatabaseUri('facts_merge');
      const setup = await mongoose.createConnection(uri).asPromise();
      let clock = Date.parse('2026-02-01T00:00:00Z');
      const now = () => clock;
      const started = () => processCopy().LedgerFactsStore.of(setup, { now });
      try {
        const [w1, w2] = [started(), started()];
        await write(w1, ks, 1);
        // One list, twenty buckets: as with one writing process before.
        expect(await readCost(uri)).toMatchObject({ queries: 21, documents: 40 });
        await write(
          w1,
          ks.filter((k) => k % 2 === 0),
          2,
        );
        await write(
          w2,
          ks.filter((k) => k % 2 === 1),
          2,
        );
        // Both workers restarted, and wrote a tenth of the tickets each.
        const [w3, w4] = [started(), started()];
        await write(
          w3,
          ks.filter((k) => k % 10 === 0),
          3,
        );
        await write(
          w4,
          ks.filter((k) => k % 10 === 1),
          3,
        );
        const revOf = (k: number) => (k % 10 < 2 ? 3 : 2);
        expect(await readCost(uri)).toEqual({
          queries: 1 + 20 * 4,
          documents: 2 * 20 * 4,
          facts: newest(revOf),
        });

        clock += 2 * DAY - 1; // not dead yet
        expect(await started().compact()).toEqual({ merged: 0, into: 0 });
        clock += 2;
        expect(await started().compact()).toEqual({ merged: 80, into: 20 });
        expect(await readCost(uri)).toEqual({ queries: 21, documents: 40, facts: newest(revOf) });
      } finally {
        await setup.dropDatabase();
        await setup.close();
      }
    });

    it('leaves the buckets of live writers, and a dead writer’s lone bucket, as they are', async () => {
      const uri = testDatabaseUri('facts_merge_live');
      const setup = await mongoose.createConnection(uri).asPromise();
      let clock = Date.parse('2026-02-01T00:00:00Z');
      const now = () => clock;
      const started = () => processCopy().LedgerFactsStore.of(setup, { now });
      try {
        const day1 = ks.filter((k) => k < 200);
        // Dead by the merge: two writers of day 1, one of the other days; then a live one.
        await write(started(), day1, 1);
        await write(started(), ks, 1);
        clock += 3 * DAY;
        await write(started(), day1, 2);
        expect(await started().compact()).toEqual({ merged: 2 * 2, into: 2 });
        const buckets = await setup.collection('ledger_fact_day_list').find({}).toArray();
        const perSlot = new Map<string, number>();
        for (const b of buckets) {
          const slot = String(b._id).replace(/@.*/, '');
          perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
        }
        expect(perSlot.get('2026-01-02#0')).toBe(2);
        expect(perSlot.get('2026-01-03#0')).toBe(1);
        expect(await readCost(uri)).toMatchObject({
          facts: newest((k) => (k < 200 ? 2 : 1)),
        });
      } finally {
        await setup.dropDatabase();
        await setup.close();
      }
    });

    it('a read that listed buckets merged away meanwhile lists them again', async () => {
      const uri = testDatabaseUri('facts_merge_race');
      const setup = await mongoose.createConnection(uri).asPromise();
      let clock = Date.parse('2026-02-01T00:00:00Z');
      const now = () => clock;
      const started = () => processCopy().LedgerFactsStore.of(setup, { now });
      try {
        await write(started(), ks, 1);
        await write(
          started(),
          ks.filter((k) => k % 3 === 0),
          2,
        );
        clock += 3 * DAY;
        const days = started().read(period, 1);
        const read = (await days.next()).value as TicketFacts[];
        expect(await started().compact()).toEqual({ merged: 40, into: 20 });
        for await (const day of days) read.push(...day);
        expect(byId(read)).toEqual(newest((k) => (k % 3 === 0 ? 2 : 1)));
      } finally {
        await setup.dropDatabase();
        await setup.close();
      }
    });

    it('writes under a new writer id after a day without writing', async () => {
      let clock = Date.parse('2026-02-01T00:00:00Z');
      const store = processCopy().LedgerFactsStore.of(connection, { now: () => clock });
      const ticket = (rev: number) => ({ ...doc(0, rev), _id: 'TF-LEASE' });
      const writers = async () =>
        (
          await connection
            .collection('ledger_fact_day_list')
            .find({ _id: { $regex: '^2026-01-02#0@' } } as never)
            .toArray()
        ).map((b) => String(b._id));
      await store.put([ticket(1)]);
      clock += 23 * H;
      await store.put([ticket(2)]);
      expect(await writers()).toHaveLength(1);
      clock += 25 * H;
      await store.put([ticket(3)]);
      expect(await writers()).toHaveLength(2);
    });
  });

  it('reads the buckets of the layout before writers, newer facts of a ticket winning', async () => {
    const uri = testDatabaseUri('facts_before_writers');
    const setup = await mongoose.createConnection(uri).asPromise();
    try {
      const at = Date.parse('2026-05-03T16:00:00Z'); // 2026-05-04 00:00 Shanghai
      const ticket = (n: number, over: Partial<FactsSource> = {}) =>
        answeredTicket(`T20260504-000${n}`, new Date(at + n * H), over);
      // As a running court's database holds them: one bucket per day and numbers, v2 facts
      // (no revision, no lifecycle after the flags).
      const v2 = (source: FactsSource) =>
        ['v2', ...encodeFacts(ticketFacts(source)).split('|').slice(2, -7)].join('|');
      await setup
        .collection<{ _id: string; tickets: Record<string, string> }>('ledger_fact_days')
        .insertOne({
          _id: '2026-05-04#0',
          tickets: { 'T20260504-0001': v2(ticket(1)), 'T20260504-0002': v2(ticket(2)) },
        });
      await setup
        .collection<{ _id: string; v: number }>('ledger_fact_day_list')
        .insertOne({ _id: '2026-05-04#0', v: 7 });
      const store = LedgerFactsStore.of(setup, { now: () => at + 10 * DAY });
      await store.put([ticket(1, { rev: 1, status: 'closed' }), ticket(3, { rev: 1 })]);
      const period = { from: new Date(at), to: new Date(at + DAY) };
      expect(byId(await readAll(LedgerFactsStore.of(setup), period))).toEqual([
        ticketFacts(ticket(1, { status: 'closed' })),
        ticketFacts(ticket(2)),
        ticketFacts(ticket(3)),
      ]);
      expect(await LedgerFactsStore.of(setup, { now: () => at + 20 * DAY }).compact()).toEqual({
        merged: 0,
        into: 0,
      });
      expect(
        await setup.collection('ledger_fact_day_list').findOne({ _id: '2026-05-04#0' } as never),
      ).toMatchObject({ v: 7 });
    } finally {
      await setup.dropDatabase();
      await setup.close();
    }
  });

  it('reads the facts stored before the lifecycle as nothing accepted, returned or extended', async () => {
    const uri = testDatabaseUri('facts_before_lifecycle');
    const setup = await mongoose.createConnection(uri).asPromise();
    try {
      const at = Date.parse('2026-06-07T16:00:00Z'); // 2026-06-08 00:00 Shanghai
      const transfer = (n: number, over: Partial<FactsSource> = {}) =>
        answeredTicket(`T20260608-000${n}`, new Date(at + n * H), {
          type: 'complaint',
          status: 'dispatched',
          disposition: { action: 'transfer', rule: '4.5' },
          departmentId: 'civil',
          handlerId: 'judge01',
          dispatchedAt: new Date(at + n * H + 60_000),
          ...over,
        });
      // A v3 bucket of a writer (the format until the lifecycle came in): revision, no lifecycle.
      const v3 = (source: FactsSource, rev: number) =>
        ['v3', ...encodeFacts(ticketFacts(source), rev).split('|').slice(1, -7)].join('|');
      await setup
        .collection<{ _id: string; tickets: Record<string, string> }>('ledger_fact_days')
        .insertOne({
          _id: '2026-06-08#0@old',
          tickets: {
            'T20260608-0001': v3(transfer(1), 3),
            'T20260608-0002': v3(transfer(2), 3),
          },
        });
      await setup
        .collection<{ _id: string; v: number; at: Date }>('ledger_fact_day_list')
        .insertOne({ _id: '2026-06-08#0@old', v: 1, at: new Date(at) });
      // The ledger activity writes ticket 2 again after the lifecycle came in: a return, a
      // reassignment, an extension — its v4 facts, of a later revision, win.
      const store = LedgerFactsStore.of(setup);
      await store.put([
        transfer(2, {
          rev: 4,
          acceptedAt: null,
          returns: [
            { at: new Date(at + 3 * H), by: 'judge01', departmentId: 'civil', reason: '非本庭' },
          ],
          reassignments: [
            {
              at: new Date(at + 4 * H),
              by: 'supervisor01',
              reason: '改派',
              from: { id: 'judge01', name: '李明', role: 'handler' },
              fromDepartmentId: 'civil',
              to: { id: 'head-filing', name: '吴立新', role: 'handler' },
              toDepartmentId: 'filing',
              lostMs: 3 * H,
            },
          ],
          extension: {
            status: 'refused',
            until: new Date(at + 200 * H),
            reason: '需调卷',
            requestedBy: 'head-filing',
            requestedAt: new Date(at + 5 * H),
            previousFeedbackBy: null,
            decidedBy: 'head-filing',
            decidedAt: new Date(at + 6 * H),
            note: null,
          },
        }),
      ]);
      const period = { from: new Date(at), to: new Date(at + DAY) };
      const [one, two] = byId(await readAll(LedgerFactsStore.of(setup), period));
      expect(one).toMatchObject({
        id: 'T20260608-0001',
        status: 'dispatched',
        tracksAcceptance: false,
        acceptedAt: null,
        returnedBy: [],
        reassignments: 0,
        extensions: { requested: 0, approved: 0, refused: 0 },
      });
      expect(two).toMatchObject({
        id: 'T20260608-0002',
        tracksAcceptance: true,
        returnedBy: ['civil'],
        reassignments: 1,
        lastReassignedAt: at + 4 * H,
        extensions: { requested: 1, approved: 0, refused: 1 },
      });
      const m = await ledgerMetrics(LedgerFactsStore.of(setup), period, IDENTITY_NAMES as never, {
        now: new Date(at + 10 * DAY),
      });
      expect(m).toMatchObject({
        total: 2,
        returnsByDepartment: { civil: 1 },
        reassigned: 1,
        extensions: { requested: 1, approved: 0, refused: 1 },
      });
    } finally {
      await setup.dropDatabase();
      await setup.close();
    }
  });

  it('the ledger activity carries 签收, 退回, 改派 and 延期 into the facts', async () => {
    const models = ledgerModels(connection);
    const store = LedgerFactsStore.of(connection);
    const at = Date.parse('2026-07-05T16:00:00Z'); // 2026-07-06 00:00 Shanghai
    // Logged before the lifecycle: the intake's document has no `acceptedAt`.
    await models.tickets.collection.insertOne({
      _id: 'TF-LC-OLD' as never,
      type: 'complaint',
      receivedAt: new Date(at),
      status: 'dispatched',
    });
    // Logged after: the intake's document has `acceptedAt: null`.
    await models.tickets.collection.insertOne({
      _id: 'TF-LC-NEW' as never,
      type: 'complaint',
      receivedAt: new Date(at + H),
      status: 'dispatched',
      acceptedAt: null,
    });
    const { syncTicketLedger } = createLedgerActivities(
      TicketLedgerRepository.of(connection),
      store,
    );
    const fields = {
      type: 'complaint',
      status: 'dispatched',
      disposition: { action: 'transfer', rule: '4.5' },
      departmentId: 'civil',
      handlerId: 'judge01',
      deadlines: {},
      dispatchedAt: new Date(at + 2 * H),
    };
    await syncTicketLedger({
      ticketId: 'TF-LC-OLD',
      fields: { ...fields, receivedAt: new Date(at) } as never,
      events: [],
    });
    await syncTicketLedger({
      ticketId: 'TF-LC-NEW',
      fields: {
        ...fields,
        receivedAt: new Date(at + H),
        returns: [
          { at: new Date(at + 3 * H), by: 'judge01', departmentId: 'civil', reason: '非本庭' },
        ],
      } as never,
      events: [],
    });
    const day = byId(await readAll(store, { from: new Date(at), to: new Date(at + DAY) }));
    expect(day.map((f) => [f.id, f.tracksAcceptance, f.acceptedAt, f.returnedBy])).toEqual([
      ['TF-LC-NEW', true, null, ['civil']],
      ['TF-LC-OLD', false, null, []],
    ]);
  });
});
