import { type defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Any search attribute key; each workflow's contract defines its own (e.g. the ticket's). */
export type AnySearchAttributeKey = ReturnType<typeof defineSearchAttributeKey>;

/** The names the Temporal CLI's `--search-attribute NAME=Type` flag takes. */
const CLI_TYPE_NAMES: Record<string, string> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
};

/** `--search-attribute NAME=Type` for each key, for `temporal server start-dev`. */
export function searchAttributeCliFlags(keys: readonly AnySearchAttributeKey[]): string[] {
  return keys.flatMap((key) => ['--search-attribute', `${key.name}=${CLI_TYPE_NAMES[key.type]}`]);
}
