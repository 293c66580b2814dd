import type { LedgerDoc, LedgerKey } from '@court/reporting';
import { inLedgerOrder } from './in-ledger-order';

const doc = (id: string, minute: number): LedgerDoc => ({
  _id: id,
  receivedAt: new Date(Date.UTC(2026, 10, 1, 0, minute)),
});
const keyOf = (d: LedgerDoc): LedgerKey => ({
  id: d._id,
  receivedAt: (d.receivedAt as Date).getTime(),
});

async function* batches<T>(...all: T[][]): AsyncGenerator<T[]> {
  for (const batch of all) yield batch;
}

async function ids(source: AsyncIterable<LedgerDoc[]>): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of source) out.push(...batch.map((d) => d._id));
  return out;
}

const [a, b, c, d, e] = [doc('A', 1), doc('B', 2), doc('C', 3), doc('D', 4), doc('E', 5)];

describe('inLedgerOrder', () => {
  it('puts the scanned documents in the order of the keys', async () => {
    const byIds = jest.fn(async () => []);
    const out = inLedgerOrder({
      keys: batches([a, b].map(keyOf), [c, d, e].map(keyOf)),
      scan: batches([d, b], [a, e, c]),
      byIds,
      maxWaiting: 10,
    });
    expect(await ids(out)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(byIds).not.toHaveBeenCalled();
  });

  it('leaves out keys the scan never brings and documents without a key', async () => {
    const out = inLedgerOrder({
      keys: batches([a, b, c].map(keyOf)),
      scan: batches([c, doc('X', 0)], [a, doc('Y', 9)]),
      byIds: async () => [],
      maxWaiting: 10,
    });
    expect(await ids(out)).toEqual(['A', 'C']);
  });

  it('reads by id the documents due when too many wait, and drops them when scanned later', async () => {
    const byIds = jest.fn(async (wanted: string[]) =>
      [a, b, c, d, e].filter((x) => wanted.includes(x._id)),
    );
    const out = inLedgerOrder({
      keys: batches([a, b].map(keyOf), [c, d, e].map(keyOf)),
      scan: batches([e], [d], [c], [b], [a]),
      byIds,
      maxWaiting: 2,
    });
    expect(await ids(out)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(byIds).toHaveBeenCalledWith(['A', 'B']);
  });

  it('lets go of documents without a key once past them, to make room', async () => {
    const byIds = jest.fn(async () => []);
    const out = inLedgerOrder({
      keys: batches([c].map(keyOf), [d].map(keyOf), [e].map(keyOf)),
      scan: batches([doc('X', 1), doc('Y', 2), c], [d], [e]),
      byIds,
      maxWaiting: 2,
    });
    expect(await ids(out)).toEqual(['C', 'D', 'E']);
    expect(byIds).not.toHaveBeenCalled();
  });
});
