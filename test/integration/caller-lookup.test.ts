import mongoose from 'mongoose';
import { buildCallerLookup, CallerLookup, ledgerModels } from '../../libs/database/src';
import { testDatabaseUri } from '../support/test-env';

type LookupModule = typeof import('../../libs/database/src/caller-lookup');

/** The lookup's module loaded afresh, as another intake process has it: nothing in common. */
function processCopy(): LookupModule {
  let copy: LookupModule | undefined;
  jest.isolateModules(() => {
    copy = require('../../libs/database/src/caller-lookup') as LookupModule;
  });
  return copy!;
}

describe('the caller lookup (earlier tickets by phone and case) on the database server', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testDatabaseUri('callers')).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('finds a caller’s tickets by phone or case, newest id first, saying which matched', async () => {
    const lookup = CallerLookup.of(connection);
    await lookup.add([
      { id: 'T20261101-0001', type: 'contact_judge', phone: '13800138000', caseNumber: 'A' },
      { id: 'T20261102-0001', type: 'complaint', phone: '13900139000', caseNumber: 'A' },
      { id: 'T20261103-0001', type: 'other', phone: '13800138000', caseNumber: null },
      { id: 'T20261104-0001', type: 'other', phone: '13700137000', caseNumber: 'B' },
    ]);
    expect(await lookup.find('13800138000', 'A')).toEqual([
      { id: 'T20261103-0001', type: 'other', samePhone: true, sameCase: false },
      { id: 'T20261102-0001', type: 'complaint', samePhone: false, sameCase: true },
      { id: 'T20261101-0001', type: 'contact_judge', samePhone: true, sameCase: true },
    ]);
    expect(await lookup.find('13600136000', null)).toEqual([]);
  });

  it('keeps every ticket of one caller logged at the same moment', async () => {
    const lookup = CallerLookup.of(connection);
    const ids = Array.from({ length: 30 }, (_, i) => `T20261110-${String(i + 1).padStart(4, '0')}`);
    await Promise.all(
      ids.map((id) => lookup.add([{ id, type: 'other', phone: '13500135000', caseNumber: null }])),
    );
    expect((await lookup.find('13500135000', null)).map((t) => t.id).sort()).toEqual(ids);
  });

  it('is built once from a ledger that had none', async () => {
    const older = await mongoose.createConnection(testDatabaseUri('callers_build')).asPromise();
    try {
      await ledgerModels(older).tickets.collection.insertMany([
        {
          _id: 'T20250101-0001',
          type: 'petition',
          caller: { phone: '13300133000' },
          caseNumber: null,
        },
        { _id: 'T20250101-0002', type: 'other', caller: { phone: '13300133000' }, caseNumber: 'C' },
      ] as never[]);
      expect(await buildCallerLookup(older)).toEqual({ built: true, tickets: 2 });
      expect((await CallerLookup.of(older).find('13300133000', null)).map((t) => t.id)).toEqual([
        'T20250101-0002',
        'T20250101-0001',
      ]);
      expect(await buildCallerLookup(older)).toEqual({ built: false, tickets: 0 });
    } finally {
      await older.dropDatabase();
      await older.close();
    }
  });

  it('keeps every ticket when two intake processes record the same callers at once', async () => {
    const uri = testDatabaseUri('callers_two_writers');
    const [one, two] = await Promise.all([
      mongoose.createConnection(uri).asPromise(),
      mongoose.createConnection(uri).asPromise(),
    ]);
    try {
      const intakes = [processCopy().CallerLookup.of(one), processCopy().CallerLookup.of(two)];
      const tickets = Array.from({ length: 400 }, (_, k) => ({
        id: `T202612${String(1 + (k % 28)).padStart(2, '0')}-${String(k).padStart(4, '0')}`,
        type: ['other', 'complaint', 'petition'][k % 3]!,
        phone: `1380013${String(k % 10).padStart(4, '0')}`,
        caseNumber: k % 3 === 0 ? `(2026)沪0101民初${k % 7}号` : null,
      }));
      await Promise.all(tickets.map((t, k) => intakes[k % 2]!.add([t])));

      const reader = processCopy().CallerLookup.of(two);
      for (let p = 0; p < 10; p++) {
        const phone = `1380013${String(p).padStart(4, '0')}`;
        const mine = tickets.filter((t) => t.phone === phone);
        const found = await reader.find(phone, null);
        expect(found.map((t) => t.id).sort()).toEqual(mine.map((t) => t.id).sort());
        expect(
          found.every((t) => t.samePhone && t.type === mine.find((m) => m.id === t.id)?.type),
        ).toBe(true);
      }
      for (let c = 0; c < 7; c++) {
        const caseNumber = `(2026)沪0101民初${c}号`;
        const found = await reader.find('10000000000', caseNumber);
        expect(found.map((t) => t.id).sort()).toEqual(
          tickets
            .filter((t) => t.caseNumber === caseNumber)
            .map((t) => t.id)
            .sort(),
        );
      }
    } finally {
      await one.dropDatabase();
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('reads a key’s document of the layout before, whatever its case number holds', async () => {
    // As a running court's database holds them: one document per key, written by one process.
    await connection
      .collection<{ _id: string; tickets: Record<string, string> }>('ledger_lookup')
      .insertMany([
        { _id: 'phone:13100131000', tickets: { 'T20250601-0001': 'petition' } },
        { _id: 'case:X#1:@2', tickets: { 'T20250601-0002': 'other' } },
      ]);
    const lookup = CallerLookup.of(connection);
    await lookup.add([
      { id: 'T20250602-0001', type: 'complaint', phone: '13100131000', caseNumber: 'X#1:@2' },
      { id: 'T20250602-0002', type: 'other', phone: '13100131001', caseNumber: 'X' },
    ]);
    expect(await lookup.find('13100131000', 'X#1:@2')).toEqual([
      { id: 'T20250602-0001', type: 'complaint', samePhone: true, sameCase: true },
      { id: 'T20250601-0002', type: 'other', samePhone: false, sameCase: true },
      { id: 'T20250601-0001', type: 'petition', samePhone: true, sameCase: false },
    ]);
    expect((await lookup.find('13100131001', 'X')).map((t) => t.id)).toEqual(['T20250602-0002']);
  });

  it('finds a key’s tickets written by more processes than one read takes, each once', async () => {
    const started = Array.from({ length: 6 }, () => processCopy().CallerLookup.of(connection));
    for (const [i, lookup] of started.entries()) {
      const t = { id: `T20250701-000${i}`, type: 'other', phone: '13200132000', caseNumber: 'Y' };
      await lookup.add([t]);
      await lookup.add([t]);
      await started[0]!.add([t]);
    }
    const found = await processCopy().CallerLookup.of(connection).find('13200132000', null);
    expect(found.map((t) => t.id)).toEqual([5, 4, 3, 2, 1, 0].map((i) => `T20250701-000${i}`));
  });

  it('a proposal reads five documents per key by _id while few processes wrote the key', async () => {
    const monitored = await mongoose
      .createConnection(testDatabaseUri('callers'), { monitorCommands: true })
      .asPromise();
    try {
      await CallerLookup.of(connection).add([
        { id: 'T20250801-0001', type: 'other', phone: '13300133999', caseNumber: 'Z' },
      ]);
      const filters: unknown[] = [];
      monitored.getClient().on('commandStarted', (event) => {
        if (event.commandName === 'find') filters.push(event.command.filter);
      });
      const found = await CallerLookup.of(monitored).find('13300133999', 'Z');
      expect(found.map((t) => t.id)).toEqual(['T20250801-0001']);
      // Per key: the document of the layout before and a page of four of its chain.
      expect(filters).toHaveLength(2 * 5);
      expect(filters.every((f) => Object.keys(f as object).join() === '_id')).toBe(true);
    } finally {
      await monitored.close();
    }
  });
});
