import type { Disposition } from '../../libs/domain/src/disposition';
import type { DispositionTarget } from '../../libs/domain/src/disposition-types';
import type { Policy } from '../../libs/domain/src/policy';
import type { TicketFlags, TicketType } from '../../libs/domain/src/ticket';

/**
 * What the intake hands a ticket's workflow. No caller name or phone: the workflow's input
 * is visible in the Web UI, and the workflow needs neither (the ledger has them).
 */
export interface TicketWorkflowInput {
  ticketId: string;
  type: TicketType;
  caseNumber: string | null;
  flags: TicketFlags;
  /** When the call came in (answered, or the voicemail received): the 2-hour dispatch clock starts here. */
  receivedAt: string;
  /** The disposition the agent confirmed (or overrode, with a reason). */
  disposition: Disposition;
  /** The head of the transfer target's department (Art. 5 notifies both); may be the target. */
  departmentHead: DispositionTarget | null;
  /**
   * The policy the ticket keeps for life. Absent: the worker's policy (POLICY_* of its
   * environment) is read when the ticket starts and recorded in its history.
   */
  policy?: Policy;
  /** The agent who logged it. */
  loggedBy: string;
}

/** The caller, by SMS only: the notification side looks the number up in the ledger. */
export const CALLER_RECIPIENT = 'caller';

/** Group inboxes: everyone with the role sees notices addressed to the group. */
export const GROUP_RECIPIENTS = {
  agents: 'group:agent',
  supervisors: 'group:supervisor',
} as const;
