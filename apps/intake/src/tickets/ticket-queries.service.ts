import type { Principal } from '@court/auth';
import { TEMPORAL_CLIENT } from '@court/temporal';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { getTicketQuery, type TicketView } from '../../../../workflows/ticket/contract';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';
import type { SearchTicketsDto } from './dto/search-tickets.dto';
import { TicketAccess } from './ticket-access.service';
import { TicketLedgerReads } from './ticket-ledger-reads.service';
import { searchCriteria } from './ticket-search-filter';
import { QUERY_TIMEOUT_MS } from './ticket-timeouts';
import { ticketListItem } from './ticket-view';

/** `GET /api/tickets/:id` and `GET /api/tickets`, within what the reader may see. */
@Injectable()
export class TicketQueries {
  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
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
    const criteria = searchCriteria(query);
    const scope = await this.access.searchScope(user);
    if (scope) criteria.readableBy = scope;
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    const { docs, total } = await this.store.ticketLedger.search(criteria, page, limit);
    return { items: docs.map((d) => ticketListItem(d)), total, page, limit };
  }
}
