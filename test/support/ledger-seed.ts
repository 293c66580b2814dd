import { type FactsSource, LedgerFactsStore, ledgerModels } from '@court/database';
import type { Connection } from 'mongoose';

/** A hand-built ledger, stored as the ledger's writer stores it: the documents and their facts. */
export async function seedLedger(connection: Connection, docs: readonly object[]): Promise<void> {
  await ledgerModels(connection).tickets.collection.insertMany(
    docs.map((d) => ({ ...d })) as never[],
  );
  await LedgerFactsStore.of(connection).put(docs as FactsSource[]);
}
