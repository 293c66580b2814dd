import { type FactsSource, LedgerFactsStore, ledgerModels } from '@court/database';
import type { LedgerDisposition } from '@court/domain';
import type { Connection } from 'mongoose';

/** A hand-built ledger, stored as the ledger's writer stores it: the documents and their facts. */
export async function seedLedger(connection: Connection, docs: readonly object[]): Promise<void> {
  await ledgerModels(connection).tickets.collection.insertMany(
    docs.map((d) => ({ ...d })) as never[],
  );
  await LedgerFactsStore.of(connection).put(docs as FactsSource[]);
}

/** What a test sets over a seeded ticket: the disposition may be only its `action` and `rule`. */
export type TicketSeed = Omit<Partial<FactsSource>, 'disposition'> & {
  disposition?: Partial<LedgerDisposition> | null;
};

/** A ledger ticket as the metrics read it: a direct answer received at `receivedAt`, then `over`. */
export function answeredTicket(id: string, receivedAt: Date, over: TicketSeed = {}): FactsSource {
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
  } as FactsSource;
}

/** 退回: a return of the ticket by a handler of `departmentId`, at `at`. */
export function ledgerReturn(at: Date, by: string, departmentId: string | null, reason = '非本庭') {
  return { at, by, departmentId, reason };
}

/** 改派: a new route from one handler to another, at `at`. */
export function ledgerReassignment(
  at: Date,
  from: { id: string; name: string; departmentId: string | null } | null,
  to: { id: string; name: string; departmentId: string | null },
  reason = '改派',
  lostMs = 0,
) {
  return {
    at,
    by: 'supervisor01',
    reason,
    from: from ? { id: from.id, name: from.name, role: 'handler' } : null,
    fromDepartmentId: from?.departmentId ?? null,
    to: { id: to.id, name: to.name, role: 'handler' },
    toDepartmentId: to.departmentId,
    lostMs,
  };
}

/** 延期: a request for a later feedback deadline, `until`, in state `status`. */
export function ledgerExtension(
  status: 'pending' | 'approved' | 'refused' | 'expired',
  requestedAt: Date,
  until: Date,
  requestedBy = 'judge01',
) {
  const decided = status === 'approved' || status === 'refused';
  return {
    status,
    until,
    reason: '需调取卷宗',
    requestedBy,
    requestedAt,
    previousFeedbackBy: null,
    decidedBy: decided ? 'head-civil' : null,
    decidedAt: decided ? new Date(requestedAt.getTime() + 3_600_000) : null,
    note: null,
  };
}
