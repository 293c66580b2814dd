import type { TicketLedgerDoc } from '@court/database';
import {
  type FieldError,
  isCivilDate,
  isIsoInstant,
  normalizeCaseNumber,
  normalizePhone,
  shanghaiInstant,
  type TicketStatus,
  type TicketType,
  toEpochMs,
} from '@court/domain';
import type { QueryFilter } from 'mongoose';
import { badRequest } from './bad-request';
import type { SearchTicketsDto } from './dto/search-tickets.dto';

/**
 * Text that contains the keyword, as typed (no pattern syntax), in the id, caller name, case
 * number, content, answer or feedback. A scan on FerretDB: its cost at 100,000 tickets is in the
 * docs/intake.md (search bench).
 */
export function keywordFilter(keyword: string): QueryFilter<TicketLedgerDoc> {
  const contains = { $regex: keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
  return {
    $or: ['_id', 'caller.name', 'caseNumber', 'content', 'answer', 'feedback.result'].map(
      (field) => ({ [field]: contains }),
    ),
  } as QueryFilter<TicketLedgerDoc>;
}

/** A `from`/`to` query bound: a date means the Shanghai day (`to` includes it); null when bad. */
export function searchBoundary(text: string, side: 'start' | 'end'): Date | null {
  if (isCivilDate(text)) return new Date(shanghaiInstant(text, side === 'end' ? 24 * 60 : 0));
  return isIsoInstant(text) ? new Date(toEpochMs(text)) : null;
}

/**
 * The conditions of `GET /api/tickets` that all must hold (before the reader's scope);
 * 400 naming every bad field.
 */
export function searchConditions(query: SearchTicketsDto): QueryFilter<TicketLedgerDoc>[] {
  const and: QueryFilter<TicketLedgerDoc>[] = [];
  const problems: FieldError[] = [];
  // Status and type are checked by SearchTicketsDto (TICKET_STATUSES, TICKET_TYPES).
  if (query.status) and.push({ status: { $in: query.status.split(',') as TicketStatus[] } });
  const keyword = query.q?.trim();
  if (keyword) and.push(keywordFilter(keyword));
  if (query.type) and.push({ type: query.type as TicketType });
  if (query.redLight) and.push({ redLight: query.redLight === 'true' });
  if (query.targetId) and.push({ handlerId: query.targetId });
  if (query.departmentId) and.push({ departmentId: query.departmentId });
  if (query.phone) {
    const phone = normalizePhone(query.phone);
    if (!phone) problems.push({ field: 'phone', message: '电话号码格式不正确' });
    else and.push({ 'caller.phone': phone });
  }
  if (query.caseNumber) {
    const number = normalizeCaseNumber(query.caseNumber);
    if (!number) problems.push({ field: 'caseNumber', message: '案号格式不正确' });
    else and.push({ caseNumber: number });
  }
  const from = query.from ? searchBoundary(query.from, 'start') : undefined;
  const to = query.to ? searchBoundary(query.to, 'end') : undefined;
  if (from === null) problems.push({ field: 'from', message: '起始时间应为 ISO 日期或时间' });
  if (to === null) problems.push({ field: 'to', message: '截止时间应为 ISO 日期或时间' });
  if (problems.length > 0) throw badRequest(problems);
  if (from || to) {
    and.push({ receivedAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } });
  }
  return and;
}
