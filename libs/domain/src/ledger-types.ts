/**
 * The ticket's records as the ledger (台账, libs/database) stores them: the domain's own types
 * (ticket.ts, disposition.ts), with their instants as the store holds them.
 *
 * Nested records are kept whole (untyped for the store, not cast on write): written by the
 * workflow's ledger activity they arrive as JSON, so their instants are ISO strings; written by
 * the intake, a migration or a test they may be Dates. Readers take either (`LedgerInstant`).
 */
import type { Disposition } from './disposition';
import type {
  ProgressNote,
  RepeatCall,
  TicketCallback,
  TicketDeadlines,
  TicketExtension,
  TicketFeedback,
  TicketReassignment,
  TicketReturn,
} from './ticket';

/** An instant inside a nested ledger record: a Date, or the ISO string it was sent as. */
export type LedgerInstant = Date | string;

/** `T` with its instant fields `K` as stored (nullable ones stay nullable). */
export type StoredInstants<T, K extends keyof T> = Omit<T, K> & {
  -readonly [P in K]: null extends T[P] ? LedgerInstant | null : LedgerInstant;
};

/** The disposition the ticket carries (the intake's, then the workflow's, whole). */
export type LedgerDisposition = Disposition;
/** The deadlines, each an instant or null; `{}` until the workflow has computed them. */
export type LedgerDeadlines = {
  -readonly [P in keyof TicketDeadlines]?: LedgerInstant | null;
};
export type LedgerFeedback = StoredInstants<TicketFeedback, 'at'>;
export type LedgerCallback = StoredInstants<TicketCallback, 'at'>;
export type LedgerRepeatCall = StoredInstants<RepeatCall, 'at'>;
export type LedgerProgressNote = StoredInstants<ProgressNote, 'at'>;
export type LedgerReturn = StoredInstants<TicketReturn, 'at'>;
export type LedgerReassignment = StoredInstants<TicketReassignment, 'at'>;
export type LedgerExtension = StoredInstants<
  TicketExtension,
  'until' | 'requestedAt' | 'previousFeedbackBy' | 'decidedAt'
>;
/** The escalation as the ledger keeps it: the level reached and its acknowledgement. */
export interface LedgerEscalation {
  level: number;
  acknowledgedBy: string | null;
  acknowledgedAt: LedgerInstant | null;
}
