import type { PolicyDuration } from '../../libs/domain/src/duration';
import type { TicketDeadlines } from '../../libs/domain/src/ticket';
import type { TicketStateSnapshot } from './ticket-state-snapshot';

/** Where the main path (transfer, direct answer) waits when its run continues as new. */
export type MainPathResume =
  | { at: 'done' }
  /**
   * In feedback window `round` (0: the first dispatch, n: after the n-th reassignment), waiting
   * for the yellow warning (due at `firstWarnAt`, epoch ms, unless an extension moved it) or,
   * past it, for the feedback deadline.
   */
  | { at: 'feedback-window'; round: number; firstWarnAt: number; phase: 'warning' | 'feedback' }
  /** Returned (退回) after feedback window `round`, waiting to be reassigned (改派). */
  | { at: 'reassign'; round: number }
  /** Overdue, without automatic reminders: waiting for an agent's first one, `late` once flagged. */
  | { at: 'first-reminder'; late: boolean }
  /** Waiting for `bulletinBy` in reminder period `period` (Art. 8: bulletin, next reminder). */
  | { at: 'reminder-period'; period: number }
  /** Without automatic reminders: past reminder period `period`, waiting for an agent's reminder. */
  | { at: 'agent-reminder'; period: number }
  /** Waiting for the callback (回访), `late` once flagged late. */
  | { at: 'callback'; late: boolean };

/** Where the escalation path (Art. 4.8) waits when its run continues as new. */
export type EscalationResume =
  | { at: 'done' }
  /** At the top of the ladder, waiting until `until` (epoch ms) before re-notification `round`. */
  | { at: 'top-round'; round: number; until: number; escalatedAt: number };

/** The deadline clock's memory: each working-day deadline's base and calendar version. */
export interface DeadlineClockSnapshot {
  bases: Partial<Record<keyof TicketDeadlines, { from: string; duration: PolicyDuration }>>;
  versions: Partial<Record<keyof TicketDeadlines, number>>;
}

/**
 * What a ticket's workflow run hands the next one when it continues as new (issue #17): the
 * state, the clock, how far the ledger is written, the search attributes shown, and where each
 * path waits. Taken at a safe point: no activity in flight, no handler running, nothing queued.
 */
export interface CarriedTicketRun {
  /** 1 for the ticket's second run, and so on. */
  continuation: number;
  state: TicketStateSnapshot;
  clock: DeadlineClockSnapshot;
  /** Timeline events already in the ledger: the next run keys its events from here. */
  ledgerEventsWritten: number;
  /** The search attribute values last upserted (see `searchAttributeSync`). */
  searchAttributesShown: string;
  windowsOpened: number;
  main: MainPathResume;
  escalation: EscalationResume;
}
