import { type FactsSource, LedgerFactsStore, ledgerModels } from '@court/database';
import type { Connection } from 'mongoose';

/** A hand-built ledger, stored as the ledger's writer stores it: the documents and their facts. */
export async function seedLedger(connection: Connection, docs: readonly object[]): Promise<void> {
  await ledgerModels(connection).tickets.collection.insertMany(
    docs.map((d) => ({ ...d })) as never[],
  );
  await LedgerFactsStore.of(connection).put(docs as FactsSource[]);
}

/** A ledger ticket as the metrics read it: a direct answer received at `receivedAt`, then `over`. */
export function answeredTicket(
  id: string,
  receivedAt: Date,
  over: Partial<FactsSource> = {},
): FactsSource {
  return {
    _id: id,
    type: 'case_inquiry',
    departmentId: null,
    handlerId: null,
    disposition: { action: 'direct_answer', rule: '4.1' },
    status: 'answered',
    deadlines: {},
    receivedAt,
    dispatchedAt: null,
    overdueAt: null,
    remindedAt: null,
    bulletinedAt: null,
    feedback: null,
    callbackDue: false,
    keyCallback: false,
    callback: null,
    ringAt: null,
    answeredAt: null,
    loggedBy: 'agent01',
    ...over,
  };
}
