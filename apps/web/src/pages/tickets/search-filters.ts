/**
 * The search's filters, kept in the URL (so a filtered list can be shared and the dashboard can
 * link to `/tickets?status=overdue`), and the query `GET /api/tickets` is sent.
 */
import { QUERYABLE_STATUSES, TYPE_LABELS } from '../../lib/labels';

/** The statuses `GET /api/tickets` accepts (`returned` is not there yet: it would answer 400). */
export const SEARCHABLE_STATUSES = QUERYABLE_STATUSES;

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export interface SearchFilters {
  q?: string;
  phone?: string;
  caseNumber?: string;
  status?: string;
  type?: string;
  redLight?: 'true' | 'false';
  /** Shanghai civil dates `YYYY-MM-DD`, both inclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const TEXT_KEYS = ['q', 'phone', 'caseNumber'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TICKET_ID = /^T\d{8}-\d{4,}$/;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= 100_000 ? n : undefined;
}

/** The filters in a URL; values the API would refuse are dropped rather than sent. */
export function filtersFromUrl(params: URLSearchParams): SearchFilters {
  const pageSize = positiveInt(params.get('pageSize'));
  const filters: SearchFilters = {
    page: positiveInt(params.get('page')) ?? 1,
    pageSize:
      pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize)
        ? pageSize
        : DEFAULT_PAGE_SIZE,
  };
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value.slice(0, 64);
  }
  const status = oneOf(SEARCHABLE_STATUSES, params.get('status'));
  if (status) filters.status = status;
  const type = oneOf(Object.keys(TYPE_LABELS), params.get('type'));
  if (type) filters.type = type;
  const redLight = oneOf(['true', 'false'] as const, params.get('redLight'));
  if (redLight) filters.redLight = redLight;
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value && DATE.test(value)) filters[key] = value;
  }
  return filters;
}

/** The URL of the filters: only what is set, page 1 and the default page size left out. */
export function filtersToUrl(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of [...TEXT_KEYS, 'status', 'type', 'redLight', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(filters.pageSize));
  return params;
}

export type Keyword =
  | { kind: 'ticketId'; id: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'caseNumber'; caseNumber: string }
  | { kind: 'text'; text: string };

/** What a keyword looks like: a ticket number, a phone number, a case number, or other text. */
export function interpretKeyword(raw: string): Keyword {
  const text = raw.trim();
  if (TICKET_ID.test(text.toUpperCase())) return { kind: 'ticketId', id: text.toUpperCase() };
  const digits = text.replace(/[\s\-+()（）]/g, '');
  if (/^\d{7,15}$/.test(digits) && /^[\d\s\-+()（）]+$/.test(text)) {
    return { kind: 'phone', phone: text };
  }
  if (/[(（]\s*\d{4}\s*[)）].*号$/.test(text)) return { kind: 'caseNumber', caseNumber: text };
  return { kind: 'text', text };
}

/** A ticket number as typed (`t20261128-0001 `) in its canonical form, or null. */
export function ticketIdOf(raw: string | null | undefined): string | null {
  const id = (raw ?? '').trim().toUpperCase();
  return TICKET_ID.test(id) ? id : null;
}

export interface TicketQuery {
  q?: string;
  status?: string;
  type?: string;
  redLight?: 'true' | 'false';
  phone?: string;
  caseNumber?: string;
  from?: string;
  to?: string;
  page: number;
  limit: number;
}

/**
 * The query for `GET /api/tickets`. A keyword that is a phone or a case number goes to that
 * filter (which understands every way of writing them) unless the field is filled in; any other
 * keyword is the API's full-text `q`.
 */
export function toApiQuery(filters: SearchFilters): TicketQuery {
  const query: TicketQuery = { page: filters.page, limit: filters.pageSize };
  for (const key of ['status', 'type', 'redLight', 'phone', 'caseNumber', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) (query as unknown as Record<string, string>)[key] = value;
  }
  if (filters.q) {
    const keyword = interpretKeyword(filters.q);
    if (keyword.kind === 'phone' && !query.phone) query.phone = keyword.phone;
    else if (keyword.kind === 'caseNumber' && !query.caseNumber)
      query.caseNumber = keyword.caseNumber;
    else query.q = filters.q.trim();
  }
  return query;
}

/** Whether any filter is set (for the empty state's advice). */
export function hasFilters(filters: SearchFilters): boolean {
  return [...filtersToUrl({ ...filters, page: 1, pageSize: DEFAULT_PAGE_SIZE }).keys()].length > 0;
}
