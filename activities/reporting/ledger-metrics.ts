import type { LedgerFactsStore } from '@court/database';
import type { DirectoryNames, HandlerView, Metrics, Period } from '@court/reporting';
import { inView, MetricsFold } from '@court/reporting';

/**
 * Folds the metrics of the tickets received in a period (of one department, when given; of a
 * handler's part, when given).
 */
export async function ledgerMetrics(
  facts: LedgerFactsStore,
  period: Period,
  names: DirectoryNames,
  options: { now?: Date; departmentId?: string | null; view?: HandlerView } = {},
): Promise<Metrics> {
  const fold = new MetricsFold(options.now ?? new Date());
  const departmentId = options.departmentId ?? null;
  for await (const day of facts.read(period)) {
    for (const t of day) {
      if ((departmentId === null || t.departmentId === departmentId) && inView(t, options.view)) {
        fold.add(t);
      }
    }
  }
  return fold.result(period, names);
}
