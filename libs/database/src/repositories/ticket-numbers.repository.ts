import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key';
import { type TicketIdDoc, ticketIdModel } from '../schemas/ticket-id.schema';

/**
 * The claimed ticket numbers (`ticket_ids`), one document per id `T<yyyymmdd>-<seq>`. A number
 * is claimed by inserting its document: the unique `_id` decides between concurrent claims,
 * also across processes, where FerretDB would apply a counter's `$inc` non-atomically.
 */
export class TicketNumberRepository {
  constructor(private readonly numbers: Model<TicketIdDoc>) {}

  static of(connection: Connection): TicketNumberRepository {
    return new TicketNumberRepository(ticketIdModel(connection));
  }

  /** The highest number claimed on this day (`yyyymmdd`), or null when none was. */
  highestOf(day: string): Promise<TicketIdDoc | null> {
    return this.numbers.findOne({ day }).sort({ seq: -1 }).lean<TicketIdDoc>().exec();
  }

  /** Claims a number; false when another claim holds it already. */
  async claim(doc: TicketIdDoc): Promise<boolean> {
    try {
      await this.numbers.create(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
