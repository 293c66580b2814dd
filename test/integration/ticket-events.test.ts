import mongoose from 'mongoose';
import { ledgerModels, readTicketEvents, ticketEventId } from '../../libs/database/src';
import { testDatabaseUri } from '../support/test-env';

describe('a ticket’s timeline read by event id', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testDatabaseUri('events')).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('reads every event in order across pages, and no other ticket’s', async () => {
    const { events } = ledgerModels(connection);
    const event = (ticketId: string, seq: number) => ({
      _id: ticketEventId(ticketId, seq),
      ticketId,
      seq,
      at: new Date(Date.UTC(2026, 10, 28, 1, seq)),
      kind: 'note',
      actor: 'system',
      note: null,
    });
    await events.insertMany([
      ...Array.from({ length: 20 }, (_, i) => event('T20261128-0001', 20 - i)),
      ...Array.from({ length: 3 }, (_, i) => event('T20261128-0002', i + 1)),
    ]);
    const timeline = await readTicketEvents(events, 'T20261128-0001', 8);
    expect(timeline.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await readTicketEvents(events, 'T20261128-0002')).map((e) => e._id)).toEqual([
      'T20261128-0002#0001',
      'T20261128-0002#0002',
      'T20261128-0002#0003',
    ]);
    expect(await readTicketEvents(events, 'T20261128-0003')).toEqual([]);
  });
});
