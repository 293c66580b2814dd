import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/** Art. 6: a voicemail left outside working hours, due at the start of the next working day. */
export type VoicemailStatus = 'waiting' | 'due' | 'logged' | 'overdue';

export interface VoicemailDoc {
  _id: string;
  callerPhone?: string;
  receivedAt: Date;
  recordingRef?: string | null;
  status: VoicemailStatus;
  dueAt: Date | null;
  overdueAt: Date | null;
  ticketId: string | null;
  loggedAt: Date | null;
  provisional: boolean;
}

export const voicemailSchema = new Schema<VoicemailDoc>(
  {
    _id: { type: String, required: true },
    callerPhone: String,
    receivedAt: { type: Date, required: true, index: true },
    recordingRef: { type: String, default: null },
    status: { type: String, required: true, index: true },
    dueAt: { type: Date, default: null },
    overdueAt: { type: Date, default: null },
    ticketId: { type: String, default: null },
    loggedAt: { type: Date, default: null },
    provisional: { type: Boolean, default: false },
  },
  { collection: 'voicemails', versionKey: false },
);

export function voicemailModel(connection: Connection): Model<VoicemailDoc> {
  return modelOn(connection, 'Voicemail', voicemailSchema);
}
