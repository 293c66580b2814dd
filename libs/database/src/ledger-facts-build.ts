import type { Connection } from 'mongoose';
import { FACTS_PROJECTION, type FactsSource } from './ledger-facts';
import { LedgerFactsStore } from './ledger-facts-store';
import { migrateLedgerOnce } from './migrations';

/** The migration that builds the facts' read model (ledger-facts-store.ts) from the ledger. */
export const LEDGER_FACTS_MIGRATION = 'ledger-facts-v3';

/**
 * Fills the read model from the ledger when it has never been built (a database from before
 * it existed), then merges dead writers' buckets. Run by the ledger's writer (a ticket worker)
 * before it starts writing; several starting at once each build into buckets of their own.
 * `onProgress` gets counts.
 */
export async function buildLedgerFacts(
  connection: Connection,
  onProgress: (done: number) => void = () => undefined,
  batchSize = 2_000,
): Promise<{ built: boolean; tickets: number; merged: number }> {
  const store = LedgerFactsStore.of(connection);
  const result = await migrateLedgerOnce<FactsSource>(connection, LEDGER_FACTS_MIGRATION, {
    projection: FACTS_PROJECTION,
    prepare: () => store.clearBeforeWriters(),
    apply: (docs) => store.put(docs),
    onProgress,
    batchSize,
  });
  // Housekeeping must not keep a worker from starting: what is not merged now is next time.
  const { merged } = await store.compact().catch(() => ({ merged: 0 }));
  return { ...result, merged };
}
