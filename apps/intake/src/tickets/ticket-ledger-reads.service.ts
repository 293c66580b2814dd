import type { Principal } from '@court/auth';
import type { TicketLedgerDoc } from '@court/database';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { TicketView } from '../../../../workflows/ticket/contract';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';
import { seesCallerPhone } from './ticket-roles';
import { ticketResponse } from './ticket-view';

/** A ticket's ledger row by id, and the `TicketDetail` it is answered as. */
@Injectable()
export class TicketLedgerReads {
  constructor(@Inject(INTAKE_STORE) private readonly store: IntakeStore) {}

  /** 404 for an id that is not a ticket's. */
  async row(id: string): Promise<TicketLedgerDoc> {
    if (!/^T\d{8}-\d{4,}$/.test(id)) throw new NotFoundException(`未找到工单 ${id}`);
    const doc = await this.store.ticketLedger.byId(id);
    if (!doc) throw new NotFoundException(`未找到工单 ${id}`);
    return doc;
  }

  /** The row as it is now, or `fallback` should it have gone. */
  async freshRow(fallback: TicketLedgerDoc): Promise<TicketLedgerDoc> {
    const doc = await this.store.ticketLedger.byId(fallback._id);
    return doc ?? fallback;
  }

  /** The row overlaid with the workflow's state, or with its stored timeline when `live` is null. */
  async detail(doc: TicketLedgerDoc, live: TicketView | null, viewer: Principal) {
    const events = live ? [] : await this.store.ticketLedger.timelineOf(doc._id);
    return ticketResponse(doc, events, live, { maskCaller: !seesCallerPhone(viewer) });
  }
}
