import type { TicketSearchCriteria } from '@court/database';
import {
  type FieldError,
  isCivilDate,
  isIsoInstant,
  normalizeCaseNumber,
  normalizePhone,
  shanghaiInstant,
  toEpochMs,
} from '@court/domain';
import { badRequest } from './bad-request';
import type { SearchTicketsDto } from './dto/search-tickets.dto';

/** A `from`/`to` query bound: a date means the Shanghai day (`to` includes it); null when bad. */
export function searchBoundary(text: string, side: 'start' | 'end'): Date | null {
  if (isCivilDate(text)) return new Date(shanghaiInstant(text, side === 'end' ? 24 * 60 : 0));
  return isIsoInstant(text) ? new Date(toEpochMs(text)) : null;
}

/**
 * What `GET /api/tickets` asks for (before the reader's scope), every condition of which must
 * hold; 400 naming every bad field.
 */
export function searchCriteria(query: SearchTicketsDto): TicketSearchCriteria {
  const criteria: TicketSearchCriteria = {};
  const problems: FieldError[] = [];
  // Status and type are checked by SearchTicketsDto (TICKET_STATUSES, TICKET_TYPES).
  if (query.status) criteria.statuses = query.status.split(',');
  const keyword = query.q?.trim();
  if (keyword) criteria.keyword = keyword;
  if (query.type) criteria.type = query.type;
  if (query.redLight) criteria.redLight = query.redLight === 'true';
  if (query.targetId) criteria.handlerId = query.targetId;
  if (query.departmentId) criteria.departmentId = query.departmentId;
  if (query.phone) {
    const phone = normalizePhone(query.phone);
    if (!phone) problems.push({ field: 'phone', message: '电话号码格式不正确' });
    else criteria.callerPhone = phone;
  }
  if (query.caseNumber) {
    const number = normalizeCaseNumber(query.caseNumber);
    if (!number) problems.push({ field: 'caseNumber', message: '案号格式不正确' });
    else criteria.caseNumber = number;
  }
  const from = query.from ? searchBoundary(query.from, 'start') : undefined;
  const to = query.to ? searchBoundary(query.to, 'end') : undefined;
  if (from === null) problems.push({ field: 'from', message: '起始时间应为 ISO 日期或时间' });
  if (to === null) problems.push({ field: 'to', message: '截止时间应为 ISO 日期或时间' });
  if (problems.length > 0) throw badRequest(problems);
  if (from || to) criteria.received = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return criteria;
}
