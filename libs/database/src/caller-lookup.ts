import type { Collection, Connection } from 'mongoose';
import { groupedWrite } from './grouped-write';
import { migrateLedgerOnce } from './migrations';
import type { TicketLedgerDoc } from './schemas/ticket-ledger.schema';
import { upsertOnce } from './upsert-once';

interface LookupDoc {
  _id: string;
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

/**
 * The ledger's tickets by caller phone and by case number (`ledger_lookup`, documents
 * `phone:<number>` and `case:<case number>`), so that the intake finds a caller's earlier
 * tickets by `_id`, where a query on `caller.phone` scans the whole ledger on the embedded
 * FerretDB (seconds at a few thousand tickets). Written by the intake with the ledger document
 * (it alone writes the caller and the case); `$set` of the ticket's own path, grouped per
 * document in the process like the metrics' read model.
 */
export class CallerLookup {
  constructor(
    private readonly lookup: Collection<LookupDoc>,
    private readonly scope: string,
  ) {}

  static of(connection: Connection): CallerLookup {
    return new CallerLookup(connection.collection<LookupDoc>('ledger_lookup'), connection.name);
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
        set[`tickets.${t.id}`] = t.type;
        byKey.set(key, set);
      }
    }
    await Promise.all(
      [...byKey].map(([key, set]) =>
        groupedWrite(`${this.scope}/lookup/${key}`, set, (batch) =>
          upsertOnce(() => this.lookup.updateOne({ _id: key }, { $set: batch }, { upsert: true })),
        ),
      ),
    );
  }

  /** The tickets of this phone or this case, newest id first. */
  async find(phone: string, caseNumber: string | null): Promise<CallerTicket[]> {
    const [byPhone, byCase] = await Promise.all(
      keys(phone, caseNumber).map((key) => this.lookup.findOne({ _id: key })),
    );
    const phoneTickets = byPhone?.tickets ?? {};
    const caseTickets = (caseNumber ? byCase?.tickets : undefined) ?? {};
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

/** Fills the lookup from a ledger that had none, once; run by its writer (the intake) at start. */
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
