import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/**
 * `Idempotency-Key` of `POST /api/tickets` and `POST /api/voicemails`: the key is the `_id`
 * (unique under concurrency, also on FerretDB), with a hash of the body, the ticket or voicemail
 * it made, what the workflow was started with (so that a retry after a crash completes the
 * same one) and, once complete, the response replayed to every later duplicate. Kept for
 * `IDEMPOTENCY_TTL_DAYS`.
 */
export interface IdempotencyKeyDoc {
  _id: string;
  scope: string;
  bodyHash: string;
  /** The ticket made (`POST /api/tickets`). */
  ticketId?: string | null;
  /** The voicemail made (`POST /api/voicemails`). */
  voicemailId?: string | null;
  /** The prepared workflow input (no caller data), as the caller's type stored it. */
  prepared?: object | null;
  /** The response, as the caller's type stored it. */
  response: object | null;
  createdAt: Date;
  completedAt: Date | null;
}

export const idempotencyKeySchema = new Schema<IdempotencyKeyDoc>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    bodyHash: { type: String, required: true },
    ticketId: { type: String, default: null },
    voicemailId: { type: String, default: null },
    prepared: { type: Schema.Types.Mixed, default: null },
    response: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, required: true, index: true },
    completedAt: { type: Date, default: null },
  },
  { collection: 'idempotency_keys', versionKey: false, minimize: false },
);

export function idempotencyKeyModel(connection: Connection): Model<IdempotencyKeyDoc> {
  return modelOn(connection, 'IdempotencyKey', idempotencyKeySchema);
}
