import type { Connection, Model } from 'mongoose';
import { insertedBeforeDuplicate, isDuplicateKey } from '../duplicate-key';
import { findByIds } from '../find-by-ids';
import {
  ledgerModels,
  type TicketEventDoc,
  type TicketLedgerDoc,
} from '../schemas/ticket-ledger.schema';
import { readTicketEvents, ticketEventId } from '../ticket-events';
import { type LedgerCriteria, ledgerFilter } from './ledger-criteria';
import { searchTickets, type TicketPage, type TicketSearchCriteria } from './ticket-search';

/**
 * The ticket ledger (台账): `ticket_ledger`, one document per ticket written by its workflow
 * alone (through the ledger activity), and `ticket_events`, its timeline keyed by
 * `<ticketId>:<seq>` so a retried write inserts nothing twice. Reads by `_id` are the fast ones
 * on FerretDB; any other filter scans the collection (see Storage).
 */
export class TicketLedgerRepository {
  constructor(
    private readonly tickets: Model<TicketLedgerDoc>,
    private readonly events: Model<TicketEventDoc>,
  ) {}

  static of(connection: Connection): TicketLedgerRepository {
    const models = ledgerModels(connection);
    return new TicketLedgerRepository(models.tickets, models.events);
  }

  byId(id: string): Promise<TicketLedgerDoc | null> {
    return this.tickets.findById(id).lean<TicketLedgerDoc>().exec();
  }

  /** A ticket's stored timeline, in order (read by `_id`, see readTicketEvents). */
  timelineOf(ticketId: string): Promise<TicketEventDoc[]> {
    return readTicketEvents(this.events, ticketId);
  }

  /**
   * Stores a newly logged ticket, with the intake's fields only (its workflow writes the rest);
   * false when its id is stored already (a retry).
   */
  async insertNew(row: Partial<TicketLedgerDoc>): Promise<boolean> {
    try {
      await this.tickets.create(row);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Removes a ticket whose workflow never started: only while still `open` (untouched by one). */
  async removeUnstarted(ticketId: string): Promise<void> {
    await this.tickets.deleteOne({ _id: ticketId, status: 'open' });
  }

  /** A page of the tickets of the criteria, newest first, and how many there are (ticket-search). */
  search(criteria: TicketSearchCriteria, page: number, limit: number): Promise<TicketPage> {
    return searchTickets(this.tickets, criteria, page, limit);
  }

  /** The reports' indexes (ticket-ledger.schema.ts), made by whichever service starts first. */
  async ensureReportIndexes(): Promise<void> {
    await this.tickets.createIndexes();
  }

  /**
   * The workflow's write of a ticket's state fields (never the caller's details): `$set`, with
   * the revision `rev` raised by one, and the merged document back. `rev` orders the ticket's
   * facts that different workers stored (FactsSource); the workflow is this document's one
   * writer, so `$inc` races no one.
   */
  syncState(
    ticketId: string,
    fields: Partial<Omit<TicketLedgerDoc, '_id'>>,
  ): Promise<(TicketLedgerDoc & { rev?: number }) | null> {
    return this.tickets
      .findOneAndUpdate(
        { _id: ticketId },
        { $set: fields, $inc: { rev: 1 } },
        // No projection: FerretDB's findAndModify does not take one. `rev` is not in the
        // schema, hence `strict: false`.
        { upsert: true, returnDocument: 'after', strict: false },
      )
      .lean<TicketLedgerDoc & { rev?: number }>()
      .exec();
  }

  /**
   * Appends a ticket's timeline events under `<ticket id>#<seq>`: one sent again (a retried
   * activity) is skipped. Returns the events inserted by this call.
   */
  async appendEvents(
    ticketId: string,
    events: readonly Omit<TicketEventDoc, '_id' | 'ticketId'>[],
  ): Promise<Pick<TicketEventDoc, 'kind' | 'at'>[]> {
    if (events.length === 0) return [];
    try {
      return await this.events.insertMany(
        events.map((e) => ({ _id: ticketEventId(ticketId, e.seq), ticketId, ...e })),
        { ordered: false },
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return insertedBeforeDuplicate<Pick<TicketEventDoc, 'kind' | 'at'>>(error);
    }
  }

  /** The caller's phone of a ticket (null: no such ticket). */
  callerOf(ticketId: string): Promise<Pick<TicketLedgerDoc, '_id' | 'caller'> | null> {
    return this.tickets
      .findById(ticketId, { 'caller.phone': 1 })
      .lean<Pick<TicketLedgerDoc, '_id' | 'caller'>>()
      .exec();
  }

  /** These tickets in the ids' order (missing ones left out), read by `_id` (findByIds). */
  byIds(ids: readonly string[], projection?: Record<string, 0 | 1>): Promise<TicketLedgerDoc[]> {
    return findByIds(this.tickets, ids, projection);
  }

  /**
   * The whole documents of the criteria in the order stored, a cursor's batch at a time (two at
   * most in memory), the first ones at once, where FerretDB sorts only after reading them all
   * (an export puts them in ledger order from the read model). Whole, because FerretDB applies
   * a projection document by document, dearer than sending the fields a row leaves unread.
   */
  async *batchesOf<T extends Record<string, unknown>>(
    criteria: LedgerCriteria,
    batchSize = 1000,
  ): AsyncGenerator<T[]> {
    const cursor = this.tickets.collection.find<T>(ledgerFilter(criteria), { batchSize });
    // The next batch is asked for before this one is handed out: the database reads it while
    // the caller writes this one (a cursor fetches only when asked, FerretDB reads only then).
    let more = cursor.hasNext();
    try {
      while (await more) {
        const batch = cursor.readBufferedDocuments();
        more = cursor.hasNext();
        yield batch;
      }
    } finally {
      await more.catch(() => false);
      await cursor.close();
    }
  }
}
