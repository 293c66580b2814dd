import mongoose, { Schema } from 'mongoose';
import { testEnv } from '../support/test-env';

interface Probe {
  key: string;
  text: string;
  count: number;
  at: Date;
  tags: string[];
}

const probeSchema = new Schema<Probe>({
  key: { type: String, required: true, unique: true },
  text: String,
  count: Number,
  at: Date,
  tags: [String],
});

describe('the database server (over the MongoDB wire protocol)', () => {
  let connection: mongoose.Connection;
  let Probes: mongoose.Model<Probe>;

  beforeAll(async () => {
    connection = await mongoose.createConnection(testEnv().mongodbUri).asPromise();
    Probes = connection.model<Probe>('Probe', probeSchema);
    await Probes.init();
  });

  afterAll(async () => {
    await connection.close();
  });

  it('round-trips a document with Chinese text, dates and arrays', async () => {
    const at = new Date('2026-11-28T01:00:06.000Z');
    await Probes.create({
      key: 'k1',
      text: '反映立案庭拖延立案',
      count: 1,
      at,
      tags: ['立案', '投诉'],
    });
    const found = await Probes.findOne({ key: 'k1' }).lean();
    expect(found).toMatchObject({
      key: 'k1',
      text: '反映立案庭拖延立案',
      count: 1,
      tags: ['立案', '投诉'],
    });
    expect(found?.at.toISOString()).toBe(at.toISOString());
  });

  it('enforces a unique index (what idempotency keys rely on)', async () => {
    await Probes.create({ key: 'unique-1', text: 'first' });
    await expect(Probes.create({ key: 'unique-1', text: 'second' })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await Probes.countDocuments({ key: 'unique-1' })).toBe(1);
  });

  it('lets exactly one of ten concurrent inserts with the same unique key through', async () => {
    // FerretDB 1.24 on SQLite applies $inc by read-modify-write without a lock (20 concurrent
    // increments gave 7), so the project never relies on atomic $inc; unique indexes hold.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => Probes.create({ key: 'race', text: `try ${i}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await Probes.countDocuments({ key: 'race' })).toBe(1);
  });
});
