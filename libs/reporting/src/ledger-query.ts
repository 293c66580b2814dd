import type { Period } from './period';

/* Which tickets a ledger (台账) request covers: its filters, a handler's part, the order. */

/**
 * A handler's part of the ledger, as the intake lets them read tickets: those addressed to them
 * (`handlerId`) and those of the departments they head.
 */
export interface HandlerView {
  handlerId: string;
  departmentIds: readonly string[];
}

/** Whether a ticket is in a handler's part (always, without a view). */
export function inView(
  t: { handlerId?: string | null; departmentId?: string | null },
  view: HandlerView | undefined,
): boolean {
  if (!view) return true;
  if (t.handlerId === view.handlerId) return true;
  return !!t.departmentId && view.departmentIds.includes(t.departmentId);
}

/**
 * The ledger (台账) filters of `GET /api/reports/ledger`; the ledger repository reads them as
 * its LedgerCriteria.
 */
export interface LedgerFilter {
  period: Period;
  type?: string;
  status?: string;
  departmentId?: string;
  /** A handler's part only. */
  view?: HandlerView;
}
