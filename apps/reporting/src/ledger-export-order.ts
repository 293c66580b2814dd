import type { LedgerFactsStore, TicketFacts } from '@court/database';
import { inView, type LedgerDoc, type LedgerFilter } from '@court/reporting';

/*
 * Where each ticket of an export goes, from the read model (ledger_facts): the ledger's order is
 * known there without the database sorting the documents, which FerretDB does only after
 * reading them all (the first document of 100,000 comes after some 20 s).
 */

/** A ticket's place in ledger order: received at (ms), then id. */
export interface LedgerKey {
  id: string;
  receivedAt: number;
}

/** Ledger order (LEDGER_ORDER): by receipt, then id as MongoDB compares strings. */
export function compareKeys(a: LedgerKey, b: LedgerKey): number {
  return a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A ledger document's key; documents without a receipt come first, as MongoDB sorts null. */
export function keyOfDoc(doc: LedgerDoc): LedgerKey {
  const at = doc.receivedAt ? new Date(doc.receivedAt).getTime() : Number.NEGATIVE_INFINITY;
  return { id: doc._id, receivedAt: Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at };
}

function factsMatch(t: TicketFacts, filter: LedgerFilter): boolean {
  return (
    (!filter.type || t.type === filter.type) &&
    (!filter.status || t.status === filter.status) &&
    (!filter.departmentId || t.departmentId === filter.departmentId) &&
    inView(t, filter.view)
  );
}

/** The keys of the filter's tickets in ledger order, a day at a time (the read model's days). */
export async function* ledgerKeysInOrder(
  facts: LedgerFactsStore,
  filter: LedgerFilter,
): AsyncGenerator<LedgerKey[]> {
  for await (const day of facts.read(filter.period)) {
    const keys: LedgerKey[] = [];
    for (const t of day) {
      if (t.receivedAt !== null && factsMatch(t, filter)) {
        keys.push({ id: t.id, receivedAt: t.receivedAt });
      }
    }
    keys.sort(compareKeys);
    yield keys;
  }
}

/** Whether a ledger document (read by `_id`) is one of the filter's, as the query would say. */
export function docMatches(doc: LedgerDoc, filter: LedgerFilter): boolean {
  const { receivedAt } = keyOfDoc(doc);
  const from = filter.period.from?.getTime();
  const to = filter.period.to?.getTime();
  if (from !== undefined && !(receivedAt >= from)) return false;
  if (to !== undefined && !(receivedAt < to)) return false;
  return (
    (!filter.type || doc.type === filter.type) &&
    (!filter.status || doc.status === filter.status) &&
    (!filter.departmentId || doc.departmentId === filter.departmentId) &&
    inView(doc, filter.view)
  );
}
