import type {
  Channel,
  ComplaintDetails,
  LedgerCallback,
  LedgerDeadlines,
  LedgerDisposition,
  LedgerEscalation,
  LedgerExtension,
  LedgerFeedback,
  LedgerProgressNote,
  LedgerReassignment,
  LedgerRepeatCall,
  LedgerReturn,
  TicketFlags,
  TicketStatus,
  TicketType,
} from '@court/domain';
import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/**
 * The ledger (台账): one document per ticket. The intake writes the call as logged (caller,
 * content) and starts the workflow; from then on the workflow's activities are the one writer
 * of its state fields (status, red light, deadlines, feedback, callback), one at a time.
 * Its fields are the domain's types, as stored (libs/domain/src/ledger-types.ts).
 */
export interface TicketLedgerDoc {
  _id: string;
  workflowId: string;
  type: TicketType;
  channel?: Channel;
  caseNumber: string | null;
  caller?: { name: string; phone: string };
  content?: string;
  answer?: string | null;
  flags: TicketFlags;
  status: TicketStatus;
  redLight: boolean;
  disposition: LedgerDisposition | null;
  handlerId: string | null;
  departmentId: string | null;
  deadlines: LedgerDeadlines;
  receivedAt: Date;
  dispatchedAt: Date | null;
  overdueAt: Date | null;
  remindedAt: Date | null;
  reminders: number;
  bulletinedAt: Date | null;
  feedback: LedgerFeedback | null;
  handledAt: Date | null;
  callbackDue: boolean;
  keyCallback: boolean;
  callback: LedgerCallback | null;
  closedAt: Date | null;
  escalation: LedgerEscalation | null;
  repeatCalls: LedgerRepeatCall[];
  provisionalDeadlines: boolean;
  /** 签收: when the handler addressed took the ticket on (null: not yet; absent: logged before). */
  acceptedAt?: Date | null;
  /** 进展说明: interim replies. */
  progressNotes?: LedgerProgressNote[];
  /** 退回: each time a handler returned the ticket as misrouted. */
  returns?: LedgerReturn[];
  /** 改派: each new route, with the time lost since the earlier dispatch. */
  reassignments?: LedgerReassignment[];
  /** 延期: the latest request (null: none), and all of them. */
  extension?: LedgerExtension | null;
  extensions?: LedgerExtension[];
  /** The agent who logged the call (written by the intake). */
  loggedBy?: string;
  /** 投诉类别 of a complaint (written by the intake). */
  complaint?: ComplaintDetails | null;
  /** Art. 1: when the call rang and was answered, when given (written by the intake). */
  ringAt?: Date | null;
  answeredAt?: Date | null;
  /** Art. 6: the voicemail this ticket logs (written by the intake). */
  voicemailId?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ticketLedgerSchema = new Schema<TicketLedgerDoc>(
  {
    _id: { type: String, required: true },
    workflowId: { type: String, required: true },
    type: { type: String, required: true, index: true },
    channel: String,
    caseNumber: { type: String, default: null, index: true },
    caller: { name: String, phone: { type: String, index: true } },
    content: String,
    answer: { type: String, default: null },
    flags: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, required: true, index: true },
    redLight: { type: Boolean, default: false, index: true },
    disposition: { type: Schema.Types.Mixed, default: null },
    handlerId: { type: String, default: null, index: true },
    departmentId: { type: String, default: null, index: true },
    deadlines: { type: Schema.Types.Mixed, default: {} },
    receivedAt: { type: Date, required: true, index: true },
    dispatchedAt: { type: Date, default: null },
    overdueAt: { type: Date, default: null },
    remindedAt: { type: Date, default: null },
    reminders: { type: Number, default: 0 },
    bulletinedAt: { type: Date, default: null, index: true },
    feedback: { type: Schema.Types.Mixed, default: null },
    handledAt: { type: Date, default: null },
    callbackDue: { type: Boolean, default: false },
    keyCallback: { type: Boolean, default: false },
    callback: { type: Schema.Types.Mixed, default: null },
    closedAt: { type: Date, default: null },
    escalation: { type: Schema.Types.Mixed, default: null },
    repeatCalls: { type: Schema.Types.Mixed, default: [] },
    provisionalDeadlines: { type: Boolean, default: false },
    acceptedAt: { type: Date, default: null },
    progressNotes: { type: Schema.Types.Mixed, default: [] },
    returns: { type: Schema.Types.Mixed, default: [] },
    reassignments: { type: Schema.Types.Mixed, default: [] },
    extension: { type: Schema.Types.Mixed, default: null },
    extensions: { type: Schema.Types.Mixed, default: [] },
    loggedBy: { type: String, index: true },
    complaint: { type: Schema.Types.Mixed, default: null },
    ringAt: { type: Date, default: null },
    answeredAt: { type: Date, default: null },
    voicemailId: { type: String, default: null },
  },
  { collection: 'tickets', timestamps: true, minimize: false },
);

// The reports' queries (apps/reporting): a period of receipt, alone or with a department, type,
// status or agent; the overdue and bulletined tickets of a period; ledger order (receipt, id).
ticketLedgerSchema.index({ receivedAt: 1, _id: 1 });
ticketLedgerSchema.index({ departmentId: 1, receivedAt: 1 });
ticketLedgerSchema.index({ type: 1, receivedAt: 1 });
ticketLedgerSchema.index({ status: 1, receivedAt: 1 });
ticketLedgerSchema.index({ loggedBy: 1, receivedAt: 1 });
ticketLedgerSchema.index({ overdueAt: 1 });

/** One document per timeline event, keyed `<ticket id>#<sequence>` so a retried write is a no-op. */
export interface TicketEventDoc {
  _id: string;
  ticketId: string;
  seq: number;
  at: Date;
  kind: string;
  actor: string;
  note: string | null;
}

export const ticketEventSchema = new Schema<TicketEventDoc>(
  {
    _id: { type: String, required: true },
    ticketId: { type: String, required: true, index: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true, index: true },
    kind: { type: String, required: true, index: true },
    actor: { type: String, required: true },
    note: { type: String, default: null },
  },
  { collection: 'ticket_events', versionKey: false },
);

export interface LedgerModels {
  tickets: Model<TicketLedgerDoc>;
  events: Model<TicketEventDoc>;
}

export function ledgerModels(connection: Connection): LedgerModels {
  return {
    tickets: modelOn(connection, 'TicketLedger', ticketLedgerSchema),
    events: modelOn(connection, 'TicketEvent', ticketEventSchema),
  };
}
