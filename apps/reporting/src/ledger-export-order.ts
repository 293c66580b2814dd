import { type LedgerDoc, type LedgerFilter, type LedgerKey, matchesFilter } from '@court/reporting';

/*
 * The document side of an export's order: the read model (`ledgerKeysByDay`) says where each
 * ticket goes; the scanned documents are placed by their own key.
 */

/** A ledger document's key; documents without a receipt come first, as MongoDB sorts null. */
export function keyOfDoc(doc: LedgerDoc): LedgerKey {
  const at = doc.receivedAt ? new Date(doc.receivedAt).getTime() : Number.NEGATIVE_INFINITY;
  return { id: doc._id, receivedAt: Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at };
}

/** Whether a ledger document (read by `_id`) is one of the filter's, as the query would say. */
export function docMatches(doc: LedgerDoc, filter: LedgerFilter): boolean {
  const { receivedAt } = keyOfDoc(doc);
  const from = filter.period.from?.getTime();
  const to = filter.period.to?.getTime();
  if (from !== undefined && !(receivedAt >= from)) return false;
  if (to !== undefined && !(receivedAt < to)) return false;
  return matchesFilter(doc, filter);
}
