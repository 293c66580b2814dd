import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/**
 * `Idempotency-Key` of `POST /api/tickets`: the key is the `_id` (unique under concurrency,
 * also on FerretDB), with a hash of the body, the ticket it made, what the workflow was
 * started with (so that a retry after a crash completes the same ticket) and, once complete,
 * the response replayed to every later duplicate.
 */
export interface IdempotencyKeyDoc {
  _id: string;
  scope: string;
  bodyHash: string;
  ticketId: string;
  /** The prepared workflow input (no caller data). */
  prepared: Record<string, unknown>;
  response: Record<string, unknown> | null;
  createdAt: Date;
  completedAt: Date | null;
}

export const idempotencyKeySchema = new Schema<IdempotencyKeyDoc>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    bodyHash: { type: String, required: true },
    ticketId: { type: String, required: true },
    prepared: { type: Schema.Types.Mixed, required: true },
    response: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, required: true, index: true },
    completedAt: { type: Date, default: null },
  },
  { collection: 'idempotency_keys', versionKey: false, minimize: false },
);

export function idempotencyKeyModel(connection: Connection): Model<IdempotencyKeyDoc> {
  return modelOn(connection, 'IdempotencyKey', idempotencyKeySchema);
}
