import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/**
 * Claimed ticket ids `T<yyyymmdd>-<seq>`: one document per id, claimed by inserting it (the
 * unique `_id` decides between concurrent claims). FerretDB on SQLite does not apply `$inc`
 * atomically, so no counter document is incremented.
 */
export interface TicketIdDoc {
  _id: string;
  day: string;
  seq: number;
  claimedAt: Date;
}

export const ticketIdSchema = new Schema<TicketIdDoc>(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    seq: { type: Number, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'ticket_ids', versionKey: false },
);
ticketIdSchema.index({ day: 1, seq: -1 });

export function ticketIdModel(connection: Connection): Model<TicketIdDoc> {
  return modelOn(connection, 'TicketId', ticketIdSchema);
}
