import type { Model } from 'mongoose';
import { findByIds } from '../find-by-ids';
import type { TicketLedgerDoc } from '../schemas/ticket-ledger.schema';

/** Which tickets of the ledger a search lists (`GET /api/tickets`); every given one must hold. */
export interface TicketSearchCriteria {
  statuses?: readonly string[];
  /** Text the id, caller name, case number, content, answer or feedback contains, as typed. */
  keyword?: string;
  type?: string;
  redLight?: boolean;
  handlerId?: string;
  departmentId?: string;
  callerPhone?: string;
  caseNumber?: string;
  /** Received in [from, to); either bound may be absent. */
  received?: { from?: Date; to?: Date };
  /** A reader who does not see every ticket: those addressed to them or to departments they head. */
  readableBy?: { handlerId: string; departmentIds: readonly string[] };
}

export interface TicketPage {
  docs: TicketLedgerDoc[];
  total: number;
}

const KEYWORD_FIELDS = ['_id', 'caller.name', 'caseNumber', 'content', 'answer', 'feedback.result'];

/**
 * A keyword matched case-insensitively as typed (no pattern syntax). A scan on FerretDB: its cost
 * at 100,000 tickets is in the docs/intake.md (search bench).
 */
function keywordCondition(keyword: string): Record<string, unknown> {
  const contains = { $regex: keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
  return { $or: KEYWORD_FIELDS.map((field) => ({ [field]: contains })) };
}

/** The query on `tickets` of these criteria: their conditions in order, the reader's scope last. */
export function ticketSearchFilter(criteria: TicketSearchCriteria): Record<string, unknown> {
  const and: Record<string, unknown>[] = [];
  if (criteria.statuses) and.push({ status: { $in: [...criteria.statuses] } });
  if (criteria.keyword !== undefined) and.push(keywordCondition(criteria.keyword));
  if (criteria.type !== undefined) and.push({ type: criteria.type });
  if (criteria.redLight !== undefined) and.push({ redLight: criteria.redLight });
  if (criteria.handlerId !== undefined) and.push({ handlerId: criteria.handlerId });
  if (criteria.departmentId !== undefined) and.push({ departmentId: criteria.departmentId });
  if (criteria.callerPhone !== undefined) and.push({ 'caller.phone': criteria.callerPhone });
  if (criteria.caseNumber !== undefined) and.push({ caseNumber: criteria.caseNumber });
  const { from, to } = criteria.received ?? {};
  if (from || to) {
    and.push({ receivedAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } });
  }
  if (criteria.readableBy) {
    const { handlerId, departmentIds } = criteria.readableBy;
    and.push({ $or: [{ handlerId }, { departmentId: { $in: [...departmentIds] } }] });
  }
  return and.length > 0 ? { $and: and } : {};
}

/** A page of the search, newest first (receipt, then id). */
export async function searchTickets(
  tickets: Model<TicketLedgerDoc>,
  criteria: TicketSearchCriteria,
  page: number,
  limit: number,
): Promise<TicketPage> {
  const filter = ticketSearchFilter(criteria);
  if (criteria.keyword !== undefined) return keywordSearch(tickets, filter, page, limit);
  const [docs, total] = await Promise.all([
    tickets
      .find(filter)
      .sort({ receivedAt: -1, _id: -1 })
      .skip((page - 1) * limit)
      .limit(limit)
      .lean<TicketLedgerDoc[]>()
      .exec(),
    tickets.countDocuments(filter).exec(),
  ]);
  return { docs, total };
}

/**
 * A keyword search in one pass over the ledger: FerretDB evaluates `$regex` itself on every
 * document, so `find` and `countDocuments` would each read the whole ledger. The matching ids
 * and receipt times give the total and the page; the page's documents are then read by id.
 */
async function keywordSearch(
  tickets: Model<TicketLedgerDoc>,
  filter: Record<string, unknown>,
  page: number,
  limit: number,
): Promise<TicketPage> {
  const matches = await tickets
    .find(filter, { _id: 1, receivedAt: 1 })
    .lean<{ _id: string; receivedAt: Date }[]>()
    .exec();
  matches.sort(
    (a, b) =>
      b.receivedAt.getTime() - a.receivedAt.getTime() ||
      (a._id < b._id ? 1 : a._id > b._id ? -1 : 0),
  );
  const ids = matches.slice((page - 1) * limit, page * limit).map((m) => m._id);
  return { docs: await findByIds(tickets, ids), total: matches.length };
}
