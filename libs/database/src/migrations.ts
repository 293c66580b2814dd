import type { Connection, mongo } from 'mongoose';
import { ledgerModels } from './schemas/ticket-ledger.schema';
import { upsertOnce } from './upsert-once';

/** One-off data migrations done in this database (`schema_migrations`, by name). */
function migrations(connection: Connection) {
  return connection.collection<{ _id: string; doneAt: Date }>('schema_migrations');
}

async function isMigrated(connection: Connection, name: string): Promise<boolean> {
  return (await migrations(connection).findOne({ _id: name })) !== null;
}

async function markMigrated(connection: Connection, name: string): Promise<void> {
  await upsertOnce(() =>
    migrations(connection).updateOne(
      { _id: name },
      { $setOnInsert: { doneAt: new Date() } },
      { upsert: true },
    ),
  );
}

/**
 * Runs migration `name` over every ledger ticket once: `prepare`, then `apply` to the
 * documents (with `projection`) in batches, reporting the count after each, then marks it
 * done. Nothing happens when it was done before. Processes that start together may each run
 * it (nothing here is a lock), so both steps must bear that: `apply` idempotent, and neither
 * removing what another process writes meanwhile.
 */
export async function migrateLedgerOnce<T extends mongo.Document>(
  connection: Connection,
  name: string,
  step: {
    projection: Record<string, 1>;
    prepare?: () => Promise<void>;
    apply: (docs: T[]) => Promise<void>;
    onProgress?: (done: number) => void;
    batchSize?: number;
  },
): Promise<{ built: boolean; tickets: number }> {
  if (await isMigrated(connection, name)) return { built: false, tickets: 0 };
  await step.prepare?.();
  const batchSize = step.batchSize ?? 2_000;
  // The driver's collection is untyped: its documents are ledger tickets, projected (T).
  const cursor = ledgerModels(connection).tickets.collection.find<T>(
    {},
    { projection: step.projection, batchSize },
  );
  let batch: T[] = [];
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await step.apply(batch);
    done += batch.length;
    batch = [];
    step.onProgress?.(done);
  };
  try {
    for await (const doc of cursor) {
      batch.push(doc);
      if (batch.length === batchSize) await flush();
    }
  } finally {
    await cursor.close();
  }
  await flush();
  await markMigrated(connection, name);
  return { built: true, tickets: done };
}
