import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The custom search attributes of ARCHITECTURE.md, so that an admin can filter tickets in
 * the Web UI, e.g. `TicketRedLight = true AND TicketDepartment = "civil"`. No personal
 * data goes in here. Workflows import this file by relative path: it must stay free of I/O.
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

/** The names the Temporal CLI's `--search-attribute NAME=Type` flag takes. */
const CLI_TYPE_NAMES: Record<string, string> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
};

export function searchAttributeCliFlags(): string[] {
  return TICKET_SEARCH_ATTRIBUTES.flatMap((key) => [
    '--search-attribute',
    `${key.name}=${CLI_TYPE_NAMES[key.type]}`,
  ]);
}
