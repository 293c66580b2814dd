/** The ledger's filters as they live in the URL, and as the reporting API's query. */
import { QUERYABLE_STATUSES, TICKET_TYPE_CODES } from '../../lib/labels';

export const LEDGER_TYPES = TICKET_TYPE_CODES;
export type LedgerType = (typeof LEDGER_TYPES)[number];

/** The statuses the ledger query accepts (the reporting API's enum). */
export const LEDGER_STATUSES = QUERYABLE_STATUSES;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export interface LedgerFilters {
  /** `YYYY-MM-DD`, Shanghai days; `to` counts the whole day. */
  from?: string;
  to?: string;
  type?: LedgerType;
  status?: LedgerStatus;
  departmentId?: string;
  page: number;
  limit: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEPARTMENT = /^[A-Za-z0-9_-]{1,64}$/;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value && (list as readonly string[]).includes(value) ? (value as T) : undefined;

function positive(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** Reads the filters from the URL, dropping what the API would refuse. */
export function filtersFromSearch(search: URLSearchParams): LedgerFilters {
  const date = (key: string) => {
    const value = search.get(key);
    return value && DATE.test(value) ? value : undefined;
  };
  const department = search.get('departmentId');
  const limit = Number(search.get('limit'));
  return {
    from: date('from'),
    to: date('to'),
    type: oneOf(LEDGER_TYPES, search.get('type')),
    status: oneOf(LEDGER_STATUSES, search.get('status')),
    departmentId: department && DEPARTMENT.test(department) ? department : undefined,
    page: positive(search.get('page'), 1, 100_000),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
  };
}

/** The URL's query for the filters: only what is set, page and size only when not the default. */
export function searchFromFilters(filters: LedgerFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of ['from', 'to', 'type', 'status', 'departmentId'] as const) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (filters.page > 1) search.set('page', String(filters.page));
  if (filters.limit !== DEFAULT_PAGE_SIZE) search.set('limit', String(filters.limit));
  return search;
}

/** A changed filter starts again at page 1. */
export function withFilter(
  filters: LedgerFilters,
  change: Partial<Omit<LedgerFilters, 'page' | 'limit'>>,
): LedgerFilters {
  return { ...filters, ...change, page: 1 };
}

type Criteria = Pick<LedgerFilters, 'from' | 'to' | 'type' | 'status' | 'departmentId'>;

/** The criteria alone (no paging), for the export: the same tickets as the table. */
export function criteriaOf(filters: LedgerFilters): Criteria {
  const { from, to, type, status, departmentId } = filters;
  return Object.fromEntries(
    Object.entries({ from, to, type, status, departmentId }).filter(([, v]) => v !== undefined),
  ) as Criteria;
}

/** `/api/reports/ledger?format=xlsx&…` with the table's criteria. */
export function exportPath(filters: LedgerFilters, format: 'xlsx' | 'csv' = 'xlsx'): string {
  const search = new URLSearchParams({ format, ...criteriaOf(filters) });
  return `/api/reports/ledger?${search.toString()}`;
}

/** Whether the range runs backwards (the API would just return nothing). */
export function rangeProblem(filters: Pick<LedgerFilters, 'from' | 'to'>): string | null {
  return filters.from && filters.to && filters.from > filters.to
    ? '开始日期不能晚于结束日期'
    : null;
}
