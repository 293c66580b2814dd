import type { Policy } from '../../libs/domain/src/policy';
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

/** One ticket's workflow run: its state, the machinery around it, the pending requests. */
export interface TicketRun {
  readonly input: TicketWorkflowInput;
  readonly policy: Policy;
  readonly state: TicketState;
  readonly ledger: LedgerSync;
  readonly outbox: NoticeOutbox;
  readonly clock: DeadlineClock;
  readonly requests: PendingRequests;
  /** Upserts the search attributes if they changed (the ledger loop calls it before each write). */
  readonly refreshSearchAttributes: () => void;
}

export function ticketRun(
  input: TicketWorkflowInput,
  policy: Policy,
  state: TicketState,
): TicketRun {
  const refreshSearchAttributes = searchAttributeSync(state);
  const ledger = new LedgerSync(state, refreshSearchAttributes);
  return {
    input,
    policy,
    state,
    ledger,
    outbox: new NoticeOutbox(state, policy.quietHours),
    clock: new DeadlineClock(state, policy.workingHours, () => ledger.changed()),
    requests: { overdue: false, manualReminder: null, reassign: null, windowsOpened: 0 },
    refreshSearchAttributes,
  };
}
