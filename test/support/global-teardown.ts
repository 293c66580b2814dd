import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { TEST_STATE_KEY, TestServersState } from './test-servers-state';

/** Drops the run's database and namespace, then stops whatever the set-up started. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)[TEST_STATE_KEY] as
    | TestServersState
    | undefined;
  if (!state) return;

  const database = mongoose.createConnection(state.mongodbUri, { serverSelectionTimeoutMS: 2_000 });
  await database
    .asPromise()
    .then(() => database.dropDatabase())
    .catch((error) => console.warn(`[tests] could not drop the test database: ${error}`))
    .finally(() => database.close());

  const temporal = state.servers[0]!;
  const connection = await Connection.connect({ address: temporal.address }).catch(() => null);
  await connection?.operatorService
    .deleteNamespace({ namespace: state.namespace })
    .catch((error) => console.warn(`[tests] could not delete namespace: ${error}`));
  await connection?.close();

  await state.supervisor.stopAll();
  for (const server of [...state.servers].reverse()) await server.stop?.();
}
