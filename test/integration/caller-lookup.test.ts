import mongoose from 'mongoose';
import { buildCallerLookup, CallerLookup, ledgerModels } from '../../libs/database/src';
import { testDatabaseUri } from '../support/test-env';

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
});
