interface Batch {
  set: Record<string, unknown>;
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

const pending = new Map<string, Batch>();
const draining = new Set<string>();

/**
 * `$set`s to one document, written one at a time per process with group commit: the sets that
 * arrive while a write is under way go together in the next. FerretDB applies an update by
 * reading and rewriting the whole document without a lock, so concurrent updates of one
 * document would lose each other's fields; grouped, a burst of them (deadlines falling
 * together) costs two writes, not one each. This holds within one process only: a document
 * written this way must have one writing process (writer-lease.ts). Each caller's promise
 * settles with the write that carried its fields. `key` names the queue (its writer and
 * document).
 */
export function groupedWrite<T extends Record<string, unknown>>(
  key: string,
  set: T,
  write: (set: T) => Promise<void>,
): Promise<void> {
  let batch = pending.get(key);
  if (!batch) {
    batch = { set: {}, waiters: [] };
    pending.set(key, batch);
  }
  Object.assign(batch.set, set); // a later set of the same field carries the newer value
  const written = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }));
  if (!draining.has(key)) void drain(key, write as (set: Record<string, unknown>) => Promise<void>);
  return written;
}

async function drain(key: string, write: (set: Record<string, unknown>) => Promise<void>) {
  draining.add(key);
  try {
    for (let batch = pending.get(key); batch; batch = pending.get(key)) {
      pending.delete(key);
      try {
        await write(batch.set);
        for (const waiter of batch.waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of batch.waiters) waiter.reject(error);
      }
    }
  } finally {
    draining.delete(key);
  }
}
