import { NO_EXTENSIONS, type TicketFacts } from './ledger-facts';

/*
 * One ticket's facts as one short string: `v4|rev|type|dept|handler|agent|action|status|`, the
 * eleven instants in base 36 (empty for none), a flag number, then the lifecycle: when accepted,
 * the latest reassignment, the number of reassignments, the returning departments (a list), and
 * the extensions requested, approved and refused (counts in base 36, empty for none). The
 * ledger document's revision comes first, in base 36. FerretDB's cost of reading a document
 * grows with its number of values, so a day of tickets is one value per ticket.
 *
 * Facts stored before the lifecycle (`v3`) and before revisions (`v2`) are still read: their
 * lifecycle is empty (no acceptance tracked, nothing returned, reassigned or extended).
 */
const VERSION = 'v4';
/** Facts stored before the lifecycle (签收, 退回, 改派, 延期): a revision, no lifecycle fields. */
const VERSION_BEFORE_LIFECYCLE = 'v3';
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
  tracksAcceptance: 64,
} as const;

/** The fields after the flags in v4: acceptedAt, lastReassignedAt, reassignments, returnedBy, extensions ×3. */
const LIFECYCLE_FIELDS = 7;

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

/** A list of texts, `,`-separated: `!` for null, `~…` (escaped) as in `text`, and for `,` and `!`. */
function textList(values: readonly (string | null)[]): string {
  return values
    .map((value) => {
      if (value === null) return '!';
      return value === '' || /[|%~,!\s]/.test(value) ? `~${encodeURIComponent(value)}` : value;
    })
    .join(',');
}

function untextList(field: string): (string | null)[] {
  if (field === '') return [];
  return field.split(',').map((item) => (item === '!' ? null : untext(item)));
}

function count(n: number): string {
  return n === 0 ? '' : n.toString(36);
}

function uncount(field: string): number {
  return field === '' ? 0 : Number.parseInt(field, 36);
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
  if (f.tracksAcceptance) n |= FLAG.tracksAcceptance;
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
    ...INSTANTS.map((key) => instant(f[key])),
    flags(f).toString(36),
    instant(f.acceptedAt),
    instant(f.lastReassignedAt),
    count(f.reassignments),
    textList(f.returnedBy),
    count(f.extensions.requested),
    count(f.extensions.approved),
    count(f.extensions.refused),
  ].join(SEPARATOR);
}

function instant(at: number | null): string {
  return at === null ? '' : at.toString(36);
}

/** The ledger revision the encoded facts were taken from; -1 for facts from before revisions. */
export function factsRev(encoded: string): number {
  const version = encoded.slice(0, encoded.indexOf(SEPARATOR));
  if (version !== VERSION && version !== VERSION_BEFORE_LIFECYCLE) return -1;
  const start = version.length + 1;
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
  // The index of `type`: after the version, and after the revision from v3 on; v4 adds the
  // lifecycle after the flags.
  const version = parts[0];
  const o =
    version === VERSION || version === VERSION_BEFORE_LIFECYCLE
      ? 2
      : version === VERSION_BEFORE_REV
        ? 1
        : -1;
  const lifecycle = version === VERSION ? LIFECYCLE_FIELDS : 0;
  if (o < 0 || parts.length !== o + 7 + INSTANTS.length + lifecycle) {
    throw new FactsFormatError(id, encoded);
  }
  const at = (field: string): number | null => (field === '' ? null : Number.parseInt(field, 36));
  const instant = (i: number): number | null => at(parts[o + 6 + i]!);
  const n = Number.parseInt(parts[o + 6 + INSTANTS.length]!, 36);
  const l = o + 7 + INSTANTS.length;
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
    tracksAcceptance: (n & FLAG.tracksAcceptance) !== 0,
    ...(lifecycle === 0
      ? {
          acceptedAt: null,
          lastReassignedAt: null,
          reassignments: 0,
          returnedBy: [],
          extensions: { ...NO_EXTENSIONS },
        }
      : {
          acceptedAt: at(parts[l]!),
          lastReassignedAt: at(parts[l + 1]!),
          reassignments: uncount(parts[l + 2]!),
          returnedBy: untextList(parts[l + 3]!),
          extensions: {
            requested: uncount(parts[l + 4]!),
            approved: uncount(parts[l + 5]!),
            refused: uncount(parts[l + 6]!),
          },
        }),
  };
}
