import type { TicketLedgerDoc } from './schemas/ticket-ledger.schema';

/*
 * A ticket's facts for the metrics and the ledger's pages, taken from its ledger document
 * (stored data: every field read defensively). Their string form is ledger-facts-codec.ts.
 */

/** The ledger fields the quality metrics read (the projection of the query). */
export type FactsSource = Pick<
  TicketLedgerDoc,
  | '_id'
  | 'type'
  | 'departmentId'
  | 'handlerId'
  | 'disposition'
  | 'status'
  | 'deadlines'
  | 'receivedAt'
  | 'dispatchedAt'
  | 'overdueAt'
  | 'remindedAt'
  | 'bulletinedAt'
  | 'feedback'
  | 'callbackDue'
  | 'keyCallback'
  | 'callback'
  | 'ringAt'
  | 'answeredAt'
  | 'loggedBy'
  | 'acceptedAt'
  | 'returns'
  | 'reassignments'
  | 'extension'
  | 'extensions'
> & {
  /**
   * How many times the ticket's workflow has written its ledger document (its ledger activity
   * `$inc`s it with each write; absent before the first). Several processes may have stored
   * facts of one ticket; the reader keeps those of the highest revision.
   */
  rev?: number;
};

export const FACTS_PROJECTION: Record<keyof FactsSource, 1> = {
  _id: 1,
  type: 1,
  departmentId: 1,
  handlerId: 1,
  disposition: 1,
  status: 1,
  deadlines: 1,
  receivedAt: 1,
  dispatchedAt: 1,
  overdueAt: 1,
  remindedAt: 1,
  bulletinedAt: 1,
  feedback: 1,
  callbackDue: 1,
  keyCallback: 1,
  callback: 1,
  ringAt: 1,
  answeredAt: 1,
  loggedBy: 1,
  acceptedAt: 1,
  returns: 1,
  reassignments: 1,
  extension: 1,
  extensions: 1,
  rev: 1,
};

/** What the metrics and the ledger's pages need of one ticket: ids, action, status, instants in ms. */
export interface TicketFacts {
  id: string;
  type: string;
  departmentId: string | null;
  handlerId: string | null;
  loggedBy: string | null;
  action: string | null;
  status: string | null;
  receivedAt: number | null;
  ringAt: number | null;
  answeredAt: number | null;
  dispatchBy: number | null;
  dispatchedAt: number | null;
  feedbackBy: number | null;
  feedbackAt: number | null;
  callbackBy: number | null;
  overdueAt: number | null;
  remindedAt: number | null;
  bulletinedAt: number | null;
  callbackDue: boolean;
  keyCallback: boolean;
  callback: { reached: boolean; satisfied: boolean | null } | null;
  /**
   * 签收: whether the ledger document has an `acceptedAt` field at all (tickets logged before
   * 签收 came in have none, and are never counted as awaiting it), and when it was accepted.
   */
  tracksAcceptance: boolean;
  acceptedAt: number | null;
  /** 退回: the department that returned the ticket, once per return, in order. */
  returnedBy: (string | null)[];
  /** 改派: how many times the ticket went to another handler, and the latest time. */
  reassignments: number;
  lastReassignedAt: number | null;
  /** 延期: the requests made, and how many of them were approved or refused. */
  extensions: ExtensionCounts;
}

export interface ExtensionCounts {
  requested: number;
  approved: number;
  refused: number;
}

/** The facts of a ticket without the lifecycle (facts stored before it, and the ledger's absent fields). */
export const NO_EXTENSIONS: Readonly<ExtensionCounts> = Object.freeze({
  requested: 0,
  approved: 0,
  refused: 0,
});

function ms(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const at = value instanceof Date ? value.getTime() : Date.parse(String(value));
  return Number.isNaN(at) ? null : at;
}

/** Each extension request once, in its latest state (`extension` is the latest of `extensions`). */
function extensionCounts(doc: FactsSource): ExtensionCounts {
  type Request = { status?: unknown; requestedAt?: unknown };
  const all: Request[] = Array.isArray(doc.extensions) ? [...(doc.extensions as Request[])] : [];
  const latest = doc.extension as Request | null | undefined;
  if (latest && typeof latest === 'object') {
    const at = ms(latest.requestedAt);
    const i = all.findIndex((e) => e && ms(e.requestedAt) === at);
    if (i >= 0) all[i] = latest;
    else all.push(latest);
  }
  const counts = { requested: 0, approved: 0, refused: 0 };
  for (const e of all) {
    if (!e || typeof e !== 'object') continue;
    counts.requested += 1;
    if (e.status === 'approved') counts.approved += 1;
    if (e.status === 'refused') counts.refused += 1;
  }
  return counts;
}

export function ticketFacts(doc: FactsSource): TicketFacts {
  const action = (doc.disposition as { action?: unknown } | null)?.action;
  const returns = Array.isArray(doc.returns) ? doc.returns : [];
  const reassignments = Array.isArray(doc.reassignments) ? doc.reassignments : [];
  let lastReassignedAt: number | null = null;
  for (const r of reassignments) {
    const at = ms(r?.at);
    if (at !== null && (lastReassignedAt === null || at > lastReassignedAt)) lastReassignedAt = at;
  }
  const callback = doc.callback as { reached?: unknown; satisfied?: unknown } | null | undefined;
  return {
    id: doc._id,
    type: doc.type,
    departmentId: doc.departmentId ?? null,
    handlerId: doc.handlerId ?? null,
    loggedBy: doc.loggedBy ?? null,
    action: typeof action === 'string' ? action : null,
    status: doc.status ?? null,
    receivedAt: ms(doc.receivedAt),
    ringAt: ms(doc.ringAt),
    answeredAt: ms(doc.answeredAt),
    dispatchBy: ms(doc.deadlines?.dispatchBy),
    dispatchedAt: ms(doc.dispatchedAt),
    feedbackBy: ms(doc.deadlines?.feedbackBy),
    feedbackAt: ms(doc.feedback?.at),
    callbackBy: ms(doc.deadlines?.callbackBy),
    overdueAt: ms(doc.overdueAt),
    remindedAt: ms(doc.remindedAt),
    bulletinedAt: ms(doc.bulletinedAt),
    callbackDue: doc.callbackDue === true,
    keyCallback: doc.keyCallback === true,
    callback: callback
      ? {
          reached: callback.reached === true,
          satisfied: typeof callback.satisfied === 'boolean' ? callback.satisfied : null,
        }
      : null,
    tracksAcceptance: doc.acceptedAt !== undefined,
    acceptedAt: ms(doc.acceptedAt),
    returnedBy: returns.map((r) => (typeof r?.departmentId === 'string' ? r.departmentId : null)),
    reassignments: reassignments.length,
    lastReassignedAt,
    extensions: extensionCounts(doc),
  };
}
