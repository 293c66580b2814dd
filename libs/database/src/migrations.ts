import type { Connection } from 'mongoose';
import { upsertOnce } from './upsert-once';

/** One-off data migrations done in this database (`schema_migrations`, by name). */
function migrations(connection: Connection) {
  return connection.collection<{ _id: string; doneAt: Date }>('schema_migrations');
}

export async function isMigrated(connection: Connection, name: string): Promise<boolean> {
  return (await migrations(connection).findOne({ _id: name })) !== null;
}

export async function markMigrated(connection: Connection, name: string): Promise<void> {
  await upsertOnce(() =>
    migrations(connection).updateOne(
      { _id: name },
      { $setOnInsert: { doneAt: new Date() } },
      { upsert: true },
    ),
  );
}
