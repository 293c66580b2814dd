import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The ticket's custom search attributes (ARCHITECTURE.md), so that an admin can filter
 * tickets in the Web UI, e.g. `TicketRedLight = true AND TicketDepartment = "civil"`. No
 * personal data goes in here. Part of the ticket's contract: the start sets them, the
 * workflow keeps them current, the namespace set-up registers them.
 */
export const TicketType = defineSearchAttributeKey('TicketType', SearchAttributeType.KEYWORD);
export const TicketStatus = defineSearchAttributeKey('TicketStatus', SearchAttributeType.KEYWORD);
export const TicketRedLight = defineSearchAttributeKey('TicketRedLight', SearchAttributeType.BOOL);
export const TicketDepartment = defineSearchAttributeKey(
  'TicketDepartment',
  SearchAttributeType.KEYWORD,
);
export const TicketHandler = defineSearchAttributeKey('TicketHandler', SearchAttributeType.KEYWORD);
export const TicketDeadline = defineSearchAttributeKey(
  'TicketDeadline',
  SearchAttributeType.DATETIME,
);

export const TICKET_SEARCH_ATTRIBUTES = [
  TicketType,
  TicketStatus,
  TicketRedLight,
  TicketDepartment,
  TicketHandler,
  TicketDeadline,
] as const;
