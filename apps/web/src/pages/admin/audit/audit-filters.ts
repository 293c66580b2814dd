/** The audit log's filters in the URL, and as `GET /api/audit`'s query. */

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actor?: string;
  ticketId?: string;
  /** `YYYY-MM-DD`, Shanghai days; `to` counts the whole day. */
  from?: string;
  to?: string;
  page: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_KEYS = ['actor', 'ticketId'] as const;

export function auditFiltersFrom(search: URLSearchParams): AuditFilters {
  const text = (key: string) => search.get(key)?.trim().slice(0, 64) || undefined;
  const date = (key: string) => {
    const v = search.get(key);
    return v && DATE.test(v) ? v : undefined;
  };
  const page = Number(search.get('page'));
  return {
    actor: text('actor'),
    ticketId: text('ticketId')?.toUpperCase(),
    from: date('from'),
    to: date('to'),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function auditSearchOf(filters: AuditFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of [...TEXT_KEYS, 'from', 'to'] as const) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (filters.page > 1) search.set('page', String(filters.page));
  return search;
}

/** `/api/audit?…&page&limit`. */
export function auditApiPath(filters: AuditFilters): string {
  const search = auditSearchOf(filters);
  search.set('page', String(filters.page));
  search.set('limit', String(AUDIT_PAGE_SIZE));
  return `/api/audit?${search.toString()}`;
}
