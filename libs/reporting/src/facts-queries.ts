import type { LedgerFactsStore, TicketFacts } from '@court/database';
import { inView, type LedgerFilter } from './ledger-query';

/** Ids as MongoDB compares strings. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A ticket's place in ledger order: received at (ms), then id. */
export interface LedgerKey {
  id: string;
  receivedAt: number;
}

/** Ledger order: by receipt, then id. */
export function compareKeys(a: LedgerKey, b: LedgerKey): number {
  return a.receivedAt - b.receivedAt || compareIds(a.id, b.id);
}

/** By an instant, then by id (ledger order with `receivedAt`). */
function orderBy(instant: 'receivedAt' | 'bulletinedAt' | 'overdueAt') {
  return (a: TicketFacts, b: TicketFacts): number =>
    (a[instant] ?? 0) - (b[instant] ?? 0) || compareIds(a.id, b.id);
}

/** Whether a ticket (its facts, or its ledger document) has the filter's type, status, department and view. */
export function matchesFilter(
  t: Partial<Pick<TicketFacts, 'type' | 'status' | 'departmentId' | 'handlerId'>>,
  filter: LedgerFilter,
): boolean {
  return (
    (!filter.type || t.type === filter.type) &&
    (!filter.status || t.status === filter.status) &&
    (!filter.departmentId || t.departmentId === filter.departmentId) &&
    inView(t, filter.view)
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
    const rows = day.filter((t) => matchesFilter(t, filter));
    if (total + rows.length > skip && ids.length < limit) {
      rows.sort(orderBy('receivedAt'));
      for (const t of rows.slice(Math.max(skip - total, 0))) {
        if (ids.length === limit) break;
        ids.push(t.id);
      }
    }
    total += rows.length;
  }
  return { ids, total };
}

/**
 * The filter's tickets in ledger order, a day at a time (the read model's days): where an
 * export's rows go, without the database sorting the documents, which FerretDB does only after
 * reading them all.
 */
export async function* ledgerKeysByDay(
  facts: LedgerFactsStore,
  filter: LedgerFilter,
): AsyncGenerator<LedgerKey[]> {
  for await (const day of facts.read(filter.period)) {
    yield day
      .filter((t) => t.receivedAt !== null && matchesFilter(t, filter))
      .sort(orderBy('receivedAt'))
      .map((t) => ({ id: t.id, receivedAt: t.receivedAt! }));
  }
}

/**
 * The tickets marked (bulletined, or turned overdue) in a period, in the order of the mark:
 * the first `max` ids and how many there are. Any ticket received before the period's end may
 * carry such a mark, so every day up to it is read.
 */
export async function markedTicketIds(
  facts: LedgerFactsStore,
  mark: 'bulletinedAt' | 'overdueAt',
  period: { from: Date | null; to: Date | null },
  max: number,
): Promise<{ ids: string[]; count: number }> {
  const from = period.from?.getTime() ?? Number.NEGATIVE_INFINITY;
  const to = period.to?.getTime() ?? Number.POSITIVE_INFINITY;
  const marked: TicketFacts[] = [];
  for await (const day of facts.read({ from: null, to: period.to })) {
    for (const t of day) {
      const at = t[mark];
      if (at !== null && at >= from && at < to) marked.push(t);
    }
  }
  marked.sort(orderBy(mark));
  return { ids: marked.slice(0, max).map((t) => t.id), count: marked.length };
}
