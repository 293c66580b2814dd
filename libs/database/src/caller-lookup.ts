import type { Collection, Connection } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import { groupedWrite } from './grouped-write';
import { migrateLedgerOnce } from './migrations';
import type { TicketLedgerDoc } from './schemas/ticket-ledger.schema';
import { newWriterId } from './writer-lease';

interface LookupDoc {
  _id: string;
  /** The process that claimed the document and alone writes it (absent: the layout before). */
  writer?: string;
  /** Ticket id → its type. */
  tickets: Record<string, string>;
}

export interface CallerTicket {
  id: string;
  type: string;
  samePhone: boolean;
  sameCase: boolean;
}

export const CALLER_LOOKUP_MIGRATION = 'caller-lookup-v1';

/** A key's documents read at once: one round trip serves a key that up to this many wrote. */
const CHAIN_PAGE = 4;

/** How many keys a writer remembers its document of; past that it looks them up again. */
const OWNED_MAX = 50_000;

/**
 * The `n`-th document of a key's chain, `phone#<n>:<number>` or `case#<n>:<case number>`: no key
 * of the layout before (`phone:<number>`, `case:<case number>`) can take this shape, whatever
 * the case number holds.
 */
function chainId(key: string, n: number): string {
  const colon = key.indexOf(':');
  return `${key.slice(0, colon)}#${n}:${key.slice(colon + 1)}`;
}

/**
 * The ledger's tickets by caller phone and by case number (`ledger_lookup`), so that the intake
 * finds a caller's earlier tickets by `_id`, where a query on `caller.phone` scans the whole
 * ledger on the embedded FerretDB (seconds at a few thousand tickets). Written by the intake
 * with the ledger document (it alone writes the caller and the case).
 *
 * Every intake process writes documents of its own: FerretDB applies an update by rewriting the
 * whole document without a lock, so two processes `$set`ting one document lose each other's
 * tickets. Each key has a chain of documents `…#0`, `#1`, … (read by `_id` until one is
 * missing), each claimed by one process with a unique insert and then `$set` by it alone,
 * grouped per document in the process. A key has as many as the process starts that logged its
 * tickets; the key's one document of the layout before (`phone:<number>`) is read as well.
 */
export class CallerLookup {
  /** This instance's writer id, which also keeps its write queues apart from any other's. */
  private readonly writer = newWriterId();
  /** The chain document this writer claimed, per key. */
  private owned = new Map<string, string>();

  constructor(private readonly lookup: Collection<LookupDoc>) {}

  static of(connection: Connection): CallerLookup {
    return new CallerLookup(connection.collection<LookupDoc>('ledger_lookup'));
  }

  /** Records these tickets under their caller's phone and their case (idempotent). */
  async add(
    tickets: readonly {
      id: string;
      type: string;
      phone?: string | null;
      caseNumber?: string | null;
    }[],
  ): Promise<void> {
    const byKey = new Map<string, Record<string, string>>();
    for (const t of tickets) {
      if (/[.$\s]/.test(t.id)) throw new Error(`ticket id unfit for a field name: ${t.id}`);
      for (const key of keys(t.phone, t.caseNumber)) {
        const set = byKey.get(key) ?? {};
        set[t.id] = t.type;
        byKey.set(key, set);
      }
    }
    await Promise.all(
      [...byKey].map(([key, set]) =>
        groupedWrite(`${this.writer}/${key}`, set, (batch) => this.write(key, batch)),
      ),
    );
  }

  private async write(key: string, tickets: Record<string, string>): Promise<void> {
    let own = this.owned.get(key);
    const chain = own === undefined ? await this.chain(key) : [];
    own ??= chain.find((doc) => doc.writer === this.writer)?._id;
    if (own === undefined) {
      own = await this.claim(key, chain.length, tickets);
    } else {
      const set = Object.fromEntries(
        Object.entries(tickets).map(([id, t]) => [`tickets.${id}`, t]),
      );
      await this.lookup.updateOne({ _id: own }, { $set: set });
    }
    if (this.owned.size >= OWNED_MAX) this.owned = new Map();
    this.owned.set(key, own);
  }

  /** Inserts this writer's document at the first free place of the key's chain from `n` on. */
  private async claim(key: string, n: number, tickets: Record<string, string>): Promise<string> {
    for (let place = n; ; place++) {
      const id = chainId(key, place);
      try {
        await this.lookup.insertOne({ _id: id, writer: this.writer, tickets });
        return id;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  /** A key's chain, in order, read a page at a time until a document is missing. */
  private async chain(key: string): Promise<LookupDoc[]> {
    const docs: LookupDoc[] = [];
    for (let first = 0; ; first += CHAIN_PAGE) {
      const page = await Promise.all(
        Array.from({ length: CHAIN_PAGE }, (_, i) =>
          this.lookup.findOne({ _id: chainId(key, first + i) }),
        ),
      );
      for (const doc of page) {
        if (!doc) return docs;
        docs.push(doc);
      }
    }
  }

  /** Every ticket of one key: its chain and its document of the layout before. */
  private async ticketsOf(key: string): Promise<Record<string, string>> {
    const [before, chain] = await Promise.all([this.lookup.findOne({ _id: key }), this.chain(key)]);
    return Object.assign({}, before?.tickets, ...chain.map((doc) => doc.tickets));
  }

  /** The tickets of this phone or this case, newest id first. */
  async find(phone: string, caseNumber: string | null): Promise<CallerTicket[]> {
    const none: Record<string, string> = {};
    const [phoneTickets, caseTickets] = await Promise.all([
      phone ? this.ticketsOf(`phone:${phone}`) : none,
      caseNumber ? this.ticketsOf(`case:${caseNumber}`) : none,
    ]);
    const ids = new Set([...Object.keys(phoneTickets), ...Object.keys(caseTickets)]);
    return [...ids]
      .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
      .map((id) => ({
        id,
        type: phoneTickets[id] ?? caseTickets[id] ?? '',
        samePhone: id in phoneTickets,
        sameCase: id in caseTickets,
      }));
  }
}

function keys(phone?: string | null, caseNumber?: string | null): string[] {
  return [...(phone ? [`phone:${phone}`] : []), ...(caseNumber ? [`case:${caseNumber}`] : [])];
}

/**
 * Fills the lookup from a ledger that had none, once; run by its writer (the intake) at start.
 * Several intakes starting at once each write their own documents, the same tickets in each.
 */
export function buildCallerLookup(
  connection: Connection,
  batchSize = 2_000,
): Promise<{ built: boolean; tickets: number }> {
  const lookup = CallerLookup.of(connection);
  return migrateLedgerOnce<Pick<TicketLedgerDoc, '_id' | 'type' | 'caller' | 'caseNumber'>>(
    connection,
    CALLER_LOOKUP_MIGRATION,
    {
      projection: { _id: 1, type: 1, 'caller.phone': 1, caseNumber: 1 },
      apply: (docs) =>
        lookup.add(
          docs.map((d) => ({
            id: d._id,
            type: d.type,
            phone: d.caller?.phone,
            caseNumber: d.caseNumber,
          })),
        ),
      batchSize,
    },
  );
}
