import type { Principal } from '@court/auth';
import { readTicketEvents, type TicketLedgerDoc } from '@court/database';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { TicketView } from '../../../../workflows/ticket/contract';
import { INTAKE_MODELS, type IntakeModels } from '../intake-models';
import { seesCallerPhone } from './ticket-roles';
import { ticketResponse } from './ticket-view';

/** A ticket's ledger row by id, and the `TicketDetail` it is answered as. */
@Injectable()
export class TicketLedgerReads {
  constructor(@Inject(INTAKE_MODELS) private readonly models: IntakeModels) {}

  /** 404 for an id that is not a ticket's. */
  async row(id: string): Promise<TicketLedgerDoc> {
    if (!/^T\d{8}-\d{4,}$/.test(id)) throw new NotFoundException(`未找到工单 ${id}`);
    const doc = await this.models.ledger.tickets.findById(id).lean();
    if (!doc) throw new NotFoundException(`未找到工单 ${id}`);
    return doc as TicketLedgerDoc;
  }

  /** The row as it is now, or `fallback` should it have gone. */
  async freshRow(fallback: TicketLedgerDoc): Promise<TicketLedgerDoc> {
    const doc = await this.models.ledger.tickets.findById(fallback._id).lean();
    return (doc ?? fallback) as TicketLedgerDoc;
  }

  /** The row overlaid with the workflow's state, or with its stored timeline when `live` is null. */
  async detail(doc: TicketLedgerDoc, live: TicketView | null, viewer: Principal) {
    const events = live ? [] : await readTicketEvents(this.models.ledger.events, doc._id);
    return ticketResponse(doc, events, live, { maskCaller: !seesCallerPhone(viewer) });
  }
}
