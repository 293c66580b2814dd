import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/**
 * One audit entry (`audit_entries`), append-only: inserted once under a unique time-ordered
 * `_id` (`<ISO time>:<random>`, so `_id` order is time order), never updated; only the
 * retention purge deletes, oldest first.
 */
export interface AuditEntryDoc {
  _id: string;
  at: Date;
  /** The signed-in person (account id). */
  actor: string;
  action: string;
  ticketId: string | null;
  /** What else was read or changed: an account, a person, a department, a year, a voicemail… */
  target: string | null;
  /** A short description; never a full phone number. */
  detail: string;
  /** The request's `X-Request-Id`, to find it in the service's log. */
  requestId: string | null;
  /** The service that recorded it (intake, reporting, notification). */
  service: string | null;
}

export const auditEntrySchema = new Schema<AuditEntryDoc>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    ticketId: { type: String, default: null },
    target: { type: String, default: null },
    detail: { type: String, required: true },
    requestId: { type: String, default: null },
    service: { type: String, default: null },
  },
  { collection: 'audit_entries', versionKey: false },
);

export function auditEntryModel(connection: Connection): Model<AuditEntryDoc> {
  return modelOn(connection, 'AuditEntry', auditEntrySchema);
}
