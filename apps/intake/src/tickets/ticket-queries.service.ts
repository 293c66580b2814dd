import type { Principal } from '@court/auth';
import { findByIds, type TicketLedgerDoc } from '@court/database';
import { TEMPORAL_CLIENT } from '@court/temporal';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { QueryFilter } from 'mongoose';
import { getTicketQuery, type TicketView } from '../../../../workflows/ticket/contract';
import { INTAKE_MODELS, type IntakeModels } from '../intake-models';
import type { SearchTicketsDto } from './dto/search-tickets.dto';
import { TicketAccess } from './ticket-access.service';
import { TicketLedgerReads } from './ticket-ledger-reads.service';
import { searchConditions } from './ticket-search-filter';
import { QUERY_TIMEOUT_MS } from './ticket-timeouts';
import { ticketListItem } from './ticket-view';

/** `GET /api/tickets/:id` and `GET /api/tickets`, within what the reader may see. */
@Injectable()
export class TicketQueries {
  constructor(
    @Inject(INTAKE_MODELS) private readonly models: IntakeModels,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly access: TicketAccess,
    private readonly ledger: TicketLedgerReads,
  ) {}

  async get(id: string, user: Principal) {
    const doc = await this.access.readableTicket(id, user);
    let live: TicketView | null = null;
    if (doc.status !== 'closed') {
      try {
        live = await this.temporal.withDeadline(Date.now() + QUERY_TIMEOUT_MS, () =>
          this.temporal.workflow.getHandle(doc.workflowId).query(getTicketQuery),
        );
      } catch {
        live = null; // finished, or the worker is away: the ledger is the answer
      }
    }
    return this.ledger.detail(doc, live, user);
  }

  async search(query: SearchTicketsDto, user: Principal) {
    const and = searchConditions(query);
    const scope = await this.access.searchScope(user);
    if (scope) and.push(scope);
    const filter = and.length > 0 ? { $and: and } : {};
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    if (query.q?.trim()) return this.keywordSearch(filter, page, limit);
    const [docs, total] = await Promise.all([
      this.models.ledger.tickets
        .find(filter)
        .sort({ receivedAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean(),
      this.models.ledger.tickets.countDocuments(filter),
    ]);
    return { items: docs.map((d) => ticketListItem(d as TicketLedgerDoc)), total, page, limit };
  }

  /**
   * A keyword search in one pass over the ledger: FerretDB evaluates `$regex` itself on every
   * document, so `find` and `countDocuments` would each read the whole ledger. The matching ids
   * and receipt times give the total and the page; the page's documents are then read by id.
   */
  private async keywordSearch(filter: QueryFilter<TicketLedgerDoc>, page: number, limit: number) {
    const matches = await this.models.ledger.tickets
      .find(filter, { _id: 1, receivedAt: 1 })
      .lean<{ _id: string; receivedAt: Date }[]>();
    matches.sort(
      (a, b) =>
        b.receivedAt.getTime() - a.receivedAt.getTime() ||
        (a._id < b._id ? 1 : a._id > b._id ? -1 : 0),
    );
    const ids = matches.slice((page - 1) * limit, page * limit).map((m) => m._id);
    const docs = await findByIds(this.models.ledger.tickets, ids);
    return {
      items: docs.map((d) => ticketListItem(d as TicketLedgerDoc)),
      total: matches.length,
      page,
      limit,
    };
  }
}
