import type { Model } from 'mongoose';
import type { TicketEventDoc } from './schemas/ticket-ledger.schema';

/** A timeline event's `_id`: the ticket and its sequence (from 1), so a retried write is a no-op. */
export function ticketEventId(ticketId: string, seq: number): string {
  return `${ticketId}#${String(seq).padStart(4, '0')}`;
}

/**
 * A ticket's timeline in order, read by `_id` a page of sequence numbers at a time until one is
 * missing: a query on `ticketId` scans every ticket's events on the embedded FerretDB.
 */
export async function readTicketEvents(
  events: Model<TicketEventDoc>,
  ticketId: string,
  page = 16,
): Promise<TicketEventDoc[]> {
  const found: TicketEventDoc[] = [];
  for (let first = 1; ; first += page) {
    const docs = await Promise.all(
      Array.from({ length: page }, (_, i) =>
        events.findById(ticketEventId(ticketId, first + i)).lean(),
      ),
    );
    for (const doc of docs) {
      if (!doc) return found;
      found.push(doc as TicketEventDoc);
    }
  }
}
