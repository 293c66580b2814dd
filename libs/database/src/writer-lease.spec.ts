import {
  isDeadWriter,
  newWriterId,
  WRITER_DEAD_MS,
  WRITER_LEASE_MS,
  WriterLease,
} from './writer-lease';

describe('writer lease', () => {
  it('keeps its id while its writes are stored within the lease', () => {
    const lease = new WriterLease();
    const id = lease.at(0);
    expect(lease.at(WRITER_LEASE_MS)).toBe(id);
    lease.alive(id, WRITER_LEASE_MS);
    expect(lease.at(2 * WRITER_LEASE_MS)).toBe(id);
  });

  it('takes a new id once the lease ran out without a stored write', () => {
    const lease = new WriterLease();
    const id = lease.at(0);
    const next = lease.at(WRITER_LEASE_MS + 1);
    expect(next).not.toBe(id);
    lease.alive(id, WRITER_LEASE_MS + 1); // a late write of the old id renews nothing
    expect(lease.at(2 * WRITER_LEASE_MS + 1)).toBe(next);
    expect(lease.at(2 * WRITER_LEASE_MS + 2)).not.toBe(next);
  });

  it('takes a writer for dead only a day after its lease ran out', () => {
    expect(WRITER_DEAD_MS - WRITER_LEASE_MS).toBeGreaterThanOrEqual(86_400_000);
    expect(isDeadWriter(0, WRITER_DEAD_MS)).toBe(false);
    expect(isDeadWriter(0, WRITER_DEAD_MS + 1)).toBe(true);
  });

  it('makes ids fit for document ids and field names', () => {
    const ids = new Set(Array.from({ length: 1_000 }, () => newWriterId()));
    expect(ids.size).toBe(1_000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });
});
