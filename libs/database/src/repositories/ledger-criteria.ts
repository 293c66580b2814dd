/** Which tickets of the ledger (台账) a report covers. */
export interface LedgerCriteria {
  /** Received in [from, to); either bound may be absent (no bound). */
  period: { from: Date | null; to: Date | null };
  type?: string;
  status?: string;
  departmentId?: string;
  /** A handler's part only: the tickets addressed to them and those of the departments they head. */
  view?: { handlerId: string; departmentIds: readonly string[] };
}

/** The query on `tickets` of these criteria (no criteria: every ticket). */
export function ledgerFilter(criteria: LedgerCriteria): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  const received = receivedIn(criteria.period);
  if (received) query.receivedAt = received;
  if (criteria.type) query.type = criteria.type;
  if (criteria.status) query.status = criteria.status;
  if (criteria.departmentId) query.departmentId = criteria.departmentId;
  if (criteria.view) {
    query.$or = [
      { handlerId: criteria.view.handlerId },
      { departmentId: { $in: [...criteria.view.departmentIds] } },
    ];
  }
  return query;
}

function receivedIn(period: LedgerCriteria['period']): Record<string, Date> | undefined {
  const range: Record<string, Date> = {};
  if (period.from) range.$gte = period.from;
  if (period.to) range.$lt = period.to;
  return Object.keys(range).length > 0 ? range : undefined;
}
