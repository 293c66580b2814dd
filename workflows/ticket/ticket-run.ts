import type { Policy } from '../../libs/domain/src/policy';
import type { EscalationResume, MainPathResume } from './carried-run';
import type { ReassignInput, TicketWorkflowInput } from './contract';
import { DeadlineClock } from './deadline-clock';
import { LedgerSync } from './ledger-sync';
import { NoticeOutbox } from './notice-outbox';
import { searchAttributeSync } from './search-attribute-sync';
import type { TicketState } from './ticket-state';

/** What the message handlers ask of the paths, and the paths answer by clearing. */
export interface PendingRequests {
  /** A repeat call "not handled in time": the red light at once. */
  overdue: boolean;
  /** An agent's reminder (催办), sent by the overdue path. */
  manualReminder: { actorId: string; note: string | null } | null;
  /** A reassignment (改派), taken by the transfer path. */
  reassign: ReassignInput | null;
  /** Feedback windows opened so far: a reassignment answers once the new one has its deadline. */
  windowsOpened: number;
}

/**
 * Where each path waits, when it waits at a point a continued run can resume from (null: not
 * at such a point). Continue-as-new waits for both to be set.
 */
export interface ResumePoints {
  main: MainPathResume | null;
  escalation: EscalationResume | null;
}

/** One ticket's workflow run: its state, the machinery around it, the pending requests. */
export interface TicketRun {
  readonly input: TicketWorkflowInput;
  readonly policy: Policy;
  readonly state: TicketState;
  readonly ledger: LedgerSync;
  readonly outbox: NoticeOutbox;
  readonly clock: DeadlineClock;
  readonly requests: PendingRequests;
  readonly resume: ResumePoints;
  /** Upserts the search attributes if they changed (the ledger loop calls it before each write). */
  readonly refreshSearchAttributes: () => void;
}

export function ticketRun(
  input: TicketWorkflowInput,
  policy: Policy,
  state: TicketState,
): TicketRun {
  // A continued run (issue #17) goes on from where the previous one stopped.
  const { carried } = input;
  const refreshSearchAttributes = searchAttributeSync(state, carried?.searchAttributesShown);
  const ledger = new LedgerSync(state, refreshSearchAttributes, carried?.ledgerEventsWritten);
  return {
    input,
    policy,
    state,
    ledger,
    outbox: new NoticeOutbox(state, policy.quietHours),
    clock: new DeadlineClock(state, policy.workingHours, () => ledger.changed(), carried?.clock),
    requests: {
      overdue: false,
      manualReminder: null,
      reassign: null,
      windowsOpened: carried?.windowsOpened ?? 0,
    },
    resume: { main: null, escalation: null },
    refreshSearchAttributes,
  };
}
