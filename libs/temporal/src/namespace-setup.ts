import { Connection } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import type { AnySearchAttributeKey } from './search-attributes';

const { IndexedValueType } = temporal.api.enums.v1;

const INDEXED_TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.BOOL]: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  [SearchAttributeType.DATETIME]: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

function grpcCode(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? Number((error as { code: unknown }).code)
    : undefined;
}
const ALREADY_EXISTS = 6;
const NOT_FOUND = 5;

/**
 * Makes sure a namespace exists with the given search attributes (the workflows' contracts
 * define them) registered, then waits until the frontend serves it (a new namespace takes a
 * few seconds to propagate).
 */
export async function ensureNamespace(
  connection: Connection,
  namespace: string,
  searchAttributes: readonly AnySearchAttributeKey[],
  retentionDays = 30,
): Promise<void> {
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`),
    });
  } catch (error) {
    if (grpcCode(error) !== ALREADY_EXISTS) throw error;
  }

  await registerSearchAttributes(connection, namespace, searchAttributes);

  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
      return;
    } catch (error) {
      if (grpcCode(error) !== NOT_FOUND || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Registers the search attributes that a namespace lacks. (`known` skips the listing, which
 * Temporal's Java time-skipping test server does not implement.)
 */
export async function registerSearchAttributes(
  connection: Connection,
  namespace: string,
  keys: readonly AnySearchAttributeKey[],
  known?: Record<string, unknown>,
): Promise<void> {
  const existing =
    known ??
    (await connection.operatorService.listSearchAttributes({ namespace })).customAttributes;
  const missing = keys.filter((key) => !(key.name in (existing ?? {})));
  if (missing.length > 0) {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(
        missing.map((key) => [key.name, INDEXED_TYPES[key.type]]),
      ),
    });
  }
}
