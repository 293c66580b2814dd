import type { LedgerFactsStore, TicketFacts } from '@court/database';
import type { LedgerFilter } from './ledger-rows';

/** Ledger order (LEDGER_SORT): by receipt, then id, as MongoDB compares strings. */
function ledgerOrder(a: TicketFacts, b: TicketFacts): number {
  const byTime = (a.receivedAt ?? 0) - (b.receivedAt ?? 0);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function matches(t: TicketFacts, filter: LedgerFilter): boolean {
  return (
    (!filter.type || t.type === filter.type) &&
    (!filter.status || t.status === filter.status) &&
    (!filter.departmentId || t.departmentId === filter.departmentId)
  );
}

/**
 * The ids of one page of the ledger and the number of matching tickets, from the metrics' read
 * model (days come in order, so only the page's ids are kept): the page's documents are then
 * read by `_id`, where a filtered, sorted and counted query would scan the whole ledger on the
 * embedded FerretDB.
 */
export async function ledgerPageIds(
  facts: LedgerFactsStore,
  filter: LedgerFilter,
  page: number,
  limit: number,
): Promise<{ ids: string[]; total: number }> {
  const skip = (page - 1) * limit;
  const ids: string[] = [];
  let total = 0;
  for await (const day of facts.read(filter.period)) {
    const rows = day.filter((t) => matches(t, filter));
    if (total + rows.length > skip && ids.length < limit) {
      rows.sort(ledgerOrder);
      for (const t of rows.slice(Math.max(skip - total, 0))) {
        if (ids.length === limit) break;
        ids.push(t.id);
      }
    }
    total += rows.length;
  }
  return { ids, total };
}
