/** The caller, by SMS only: the notification side looks the number up in the ledger. */
export const CALLER_RECIPIENT = 'caller';

/** Group inboxes: everyone with the role sees notices addressed to the group. */
export const GROUP_RECIPIENTS = {
  agents: 'group:agent',
  supervisors: 'group:supervisor',
} as const;
