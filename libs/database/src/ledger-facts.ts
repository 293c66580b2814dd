import type { TicketLedgerDoc } from './schemas/ticket-ledger.schema';

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
}

function ms(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const at = value instanceof Date ? value.getTime() : Date.parse(String(value));
  return Number.isNaN(at) ? null : at;
}

export function ticketFacts(doc: FactsSource): TicketFacts {
  const action = (doc.disposition as { action?: unknown } | null)?.action;
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
  };
}

/*
 * One ticket's facts as one short string: `v3|rev|type|dept|handler|agent|action|status|`, the
 * eleven instants in base 36 (empty for none) and a flag number; the ledger document's revision
 * first, in base 36. FerretDB's cost of reading a document grows with its number of values, so
 * a day of tickets is one value per ticket.
 */
const VERSION = 'v3';
/** Facts stored before revisions (no `rev` field): older than any of a revision. */
const VERSION_BEFORE_REV = 'v2';
const SEPARATOR = '|';
const INSTANTS = [
  'receivedAt',
  'ringAt',
  'answeredAt',
  'dispatchBy',
  'dispatchedAt',
  'feedbackBy',
  'feedbackAt',
  'callbackBy',
  'overdueAt',
  'remindedAt',
  'bulletinedAt',
] as const satisfies readonly (keyof TicketFacts)[];

const FLAG = {
  callbackDue: 1,
  keyCallback: 2,
  calledBack: 4,
  reached: 8,
  satisfactionKnown: 16,
  satisfied: 32,
} as const;

function text(value: string | null): string {
  if (value === null) return '';
  // `~` marks a non-null value that could be taken for an empty field or would split the line
  // (or a cached day's lines, split at white space).
  return value === '' || /[|%~\s]/.test(value) ? `~${encodeURIComponent(value)}` : value;
}

function untext(field: string): string | null {
  if (field === '') return null;
  return field.startsWith('~') ? decodeURIComponent(field.slice(1)) : field;
}

function flags(f: TicketFacts): number {
  let n = 0;
  if (f.callbackDue) n |= FLAG.callbackDue;
  if (f.keyCallback) n |= FLAG.keyCallback;
  if (f.callback) {
    n |= FLAG.calledBack;
    if (f.callback.reached) n |= FLAG.reached;
    if (f.callback.satisfied !== null) n |= FLAG.satisfactionKnown;
    if (f.callback.satisfied) n |= FLAG.satisfied;
  }
  return n;
}

export function encodeFacts(f: TicketFacts, rev = 0): string {
  return [
    VERSION,
    rev.toString(36),
    text(f.type),
    text(f.departmentId),
    text(f.handlerId),
    text(f.loggedBy),
    text(f.action),
    text(f.status),
    ...INSTANTS.map((key) => (f[key] === null ? '' : f[key].toString(36))),
    flags(f).toString(36),
  ].join(SEPARATOR);
}

/** The ledger revision the encoded facts were taken from; -1 for facts from before revisions. */
export function factsRev(encoded: string): number {
  if (!encoded.startsWith(`${VERSION}${SEPARATOR}`)) return -1;
  const start = VERSION.length + 1;
  return Number.parseInt(encoded.slice(start, encoded.indexOf(SEPARATOR, start)), 36);
}

export class FactsFormatError extends Error {
  constructor(id: string, encoded: string) {
    super(`ledger facts of ${id} are not in format ${VERSION}: ${encoded.slice(0, 80)}`);
    this.name = 'FactsFormatError';
  }
}

export function decodeFacts(id: string, encoded: string): TicketFacts {
  const parts = encoded.split(SEPARATOR);
  // The index of `type`: after the version, and after the revision from v3 on.
  const o = parts[0] === VERSION ? 2 : parts[0] === VERSION_BEFORE_REV ? 1 : -1;
  if (o < 0 || parts.length !== o + 7 + INSTANTS.length) throw new FactsFormatError(id, encoded);
  const instant = (i: number): number | null => {
    const field = parts[o + 6 + i]!;
    return field === '' ? null : Number.parseInt(field, 36);
  };
  const n = Number.parseInt(parts[o + 6 + INSTANTS.length]!, 36);
  return {
    id,
    type: untext(parts[o]!) ?? '',
    departmentId: untext(parts[o + 1]!),
    handlerId: untext(parts[o + 2]!),
    loggedBy: untext(parts[o + 3]!),
    action: untext(parts[o + 4]!),
    status: untext(parts[o + 5]!),
    receivedAt: instant(0),
    ringAt: instant(1),
    answeredAt: instant(2),
    dispatchBy: instant(3),
    dispatchedAt: instant(4),
    feedbackBy: instant(5),
    feedbackAt: instant(6),
    callbackBy: instant(7),
    overdueAt: instant(8),
    remindedAt: instant(9),
    bulletinedAt: instant(10),
    callbackDue: (n & FLAG.callbackDue) !== 0,
    keyCallback: (n & FLAG.keyCallback) !== 0,
    callback:
      (n & FLAG.calledBack) === 0
        ? null
        : {
            reached: (n & FLAG.reached) !== 0,
            satisfied: (n & FLAG.satisfactionKnown) === 0 ? null : (n & FLAG.satisfied) !== 0,
          },
  };
}
