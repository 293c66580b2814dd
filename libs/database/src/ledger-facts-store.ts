import { shanghaiDate } from '@court/domain';
import type { Collection, Connection } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import {
  decodeFacts,
  encodeFacts,
  FACTS_PROJECTION,
  type FactsSource,
  type TicketFacts,
  ticketFacts,
} from './ledger-facts';
import { ledgerModels } from './schemas/ticket-ledger.schema';

interface FactsDayDoc {
  _id: string;
  tickets: Record<string, string>;
}

/** A day of the list: `v` counts the writes to its document (the readers' cache key). */
interface FactsDayEntry {
  _id: string;
  v?: number;
}

/** A cached day as one string, `<id> <facts>` lines: a few large strings weigh far less than many small ones. */
interface CachedDay {
  v: number;
  lines: string;
  size: number;
}

interface MigrationDoc {
  _id: string;
  doneAt: Date;
}

export const LEDGER_FACTS_MIGRATION = 'ledger-facts-v2';

/** Writes to one day's document, queued per process (see LedgerFactsStore). */
const dayQueues = new Map<string, Promise<unknown>>();

function queued<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = dayQueues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  dayQueues.set(key, settled);
  void settled.then(() => {
    if (dayQueues.get(key) === settled) dayQueues.delete(key);
  });
  return next;
}

/**
 * The metrics' read model: each ticket's facts (ledger-facts.ts) kept in one document per
 * Shanghai day of receipt, `ledger_fact_days`, under `tickets.<ticket id>`, and the list of
 * days with a write count each in `ledger_fact_day_list`. A period's metrics read the list and
 * one document per day by `_id`, the only lookup FerretDB 1.24 does without scanning a
 * collection; a reader with a cache keeps the days it has read and fetches again only those
 * whose write count moved.
 *
 * Written with the ledger, by its one writer per ticket (the workflow's ledger activity): a
 * `$set` of the ticket's own path, then `$inc` of the day's count, each atomic on MongoDB.
 * FerretDB applies an update by reading and rewriting the whole document without a lock, so
 * writes to a day are queued in the process; the embedded stack runs one worker.
 */
export class LedgerFactsStore {
  /** Days read, least recently used first, while they hold at most `cacheTickets` in all. */
  private readonly cache = new Map<string, CachedDay>();
  private cachedTickets = 0;
  /** Days being fetched: readers at the same time share one fetch. */
  private readonly fetching = new Map<string, Promise<[string, string][]>>();

  constructor(
    private readonly days: Collection<FactsDayDoc>,
    private readonly dayList: Collection<FactsDayEntry>,
    private readonly migrations: Collection<MigrationDoc>,
    private readonly scope: string,
    private readonly cacheTickets = 0,
  ) {}

  /** `cacheTickets`: how many tickets' facts a reader may keep between reads (0: none). */
  static of(connection: Connection, options: { cacheTickets?: number } = {}): LedgerFactsStore {
    return new LedgerFactsStore(
      connection.collection<FactsDayDoc>('ledger_fact_days'),
      connection.collection<FactsDayEntry>('ledger_fact_day_list'),
      connection.collection<MigrationDoc>('schema_migrations'),
      connection.name,
      options.cacheTickets ?? 0,
    );
  }

  /** Stores (or replaces) the facts of these ledger tickets. */
  async put(docs: readonly FactsSource[]): Promise<void> {
    const byDay = new Map<string, Record<string, string>>();
    for (const doc of docs) {
      const facts = ticketFacts(doc);
      if (facts.receivedAt === null) continue;
      if (!/^[^.$][^.]*$/.test(facts.id))
        throw new Error(`ticket id unfit for a field name: ${facts.id}`);
      const day = shanghaiDate(facts.receivedAt);
      let set = byDay.get(day);
      if (!set) {
        set = {};
        byDay.set(day, set);
      }
      set[`tickets.${facts.id}`] = encodeFacts(facts);
    }
    await Promise.all(
      [...byDay].map(([day, set]) => queued(`${this.scope}/${day}`, () => this.writeDay(day, set))),
    );
  }

  /** The document first, then its count: a reader that sees the new count sees the write. */
  private async writeDay(day: string, set: Record<string, string>): Promise<void> {
    await upsertOnce(() => this.days.updateOne({ _id: day }, { $set: set }, { upsert: true }));
    await upsertOnce(() =>
      this.dayList.updateOne({ _id: day }, { $inc: { v: 1 } }, { upsert: true }),
    );
  }

  /**
   * The facts of the tickets received in [from, to) (either bound may be absent), a day at a
   * time in day order; `parallel` days are fetched at once.
   */
  async *read(
    period: { from: Date | null; to: Date | null },
    parallel = 8,
  ): AsyncGenerator<TicketFacts[]> {
    const from = period.from?.getTime() ?? Number.NEGATIVE_INFINITY;
    const to = period.to?.getTime() ?? Number.POSITIVE_INFINITY;
    const firstDay = period.from ? shanghaiDate(from) : '';
    const lastDay = period.to ? shanghaiDate(to - 1) : '\uffff';
    const days = (await this.dayList.find({}).toArray())
      .filter((d) => d._id >= firstDay && d._id <= lastDay)
      .sort((a, b) => (a._id < b._id ? -1 : 1));
    for (let i = 0; i < days.length; i += parallel) {
      const batch = await Promise.all(days.slice(i, i + parallel).map((d) => this.day(d)));
      for (const tickets of batch) {
        const facts: TicketFacts[] = [];
        for (const [id, encoded] of tickets) {
          const f = decodeFacts(id, encoded);
          if (f.receivedAt !== null && f.receivedAt >= from && f.receivedAt < to) facts.push(f);
        }
        yield facts;
      }
    }
  }

  /** Fetches every day once, so that a reader's first report finds its cache filled. */
  async warm(parallel = 8): Promise<number> {
    const days = await this.dayList.find({}).toArray();
    let tickets = 0;
    for (let i = 0; i < days.length; i += parallel) {
      const batch = await Promise.all(days.slice(i, i + parallel).map((d) => this.day(d)));
      for (const day of batch) tickets += day.length;
    }
    return tickets;
  }

  /** One day's `[id, facts]`, from the cache while its write count has not moved. */
  private async day(entry: FactsDayEntry): Promise<[string, string][]> {
    const v = entry.v ?? 0;
    const cached = this.cache.get(entry._id);
    if (cached) {
      this.cache.delete(entry._id);
      this.cachedTickets -= cached.size;
      if (cached.v === v) {
        this.remember(entry._id, cached);
        return cached.lines === '' ? [] : cached.lines.split('\n').map(splitLine);
      }
    }
    const key = `${entry._id}@${v}`;
    let fetch = this.fetching.get(key);
    if (!fetch) {
      fetch = this.fetchDay(entry._id, v).finally(() => this.fetching.delete(key));
      this.fetching.set(key, fetch);
    }
    return fetch;
  }

  private async fetchDay(day: string, v: number): Promise<[string, string][]> {
    const doc = await this.days.findOne({ _id: day });
    const tickets = Object.entries(doc?.tickets ?? {});
    if (this.cacheTickets > 0) {
      const lines = tickets.map(([id, encoded]) => `${id} ${encoded}`).join('\n');
      this.remember(day, { v, lines, size: tickets.length });
    }
    return tickets;
  }

  private remember(day: string, cached: CachedDay): void {
    const previous = this.cache.get(day);
    if (previous) {
      this.cache.delete(day);
      this.cachedTickets -= previous.size;
    }
    if (cached.size > this.cacheTickets) return;
    this.cache.set(day, cached);
    this.cachedTickets += cached.size;
    for (const [oldest, old] of this.cache) {
      if (this.cachedTickets <= this.cacheTickets) break;
      this.cache.delete(oldest);
      this.cachedTickets -= old.size;
    }
  }

  async migrated(): Promise<boolean> {
    return (await this.migrations.findOne({ _id: LEDGER_FACTS_MIGRATION })) !== null;
  }

  async markMigrated(): Promise<void> {
    await upsertOnce(() =>
      this.migrations.updateOne(
        { _id: LEDGER_FACTS_MIGRATION },
        { $setOnInsert: { doneAt: new Date() } },
        { upsert: true },
      ),
    );
  }
}

function splitLine(line: string): [string, string] {
  const space = line.indexOf(' ');
  return [line.slice(0, space), line.slice(space + 1)];
}

/** Two concurrent upserts of a new `_id` can both insert: the loser's retry updates. */
async function upsertOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await write();
  }
}

/**
 * Fills the read model from the ledger when it has never been built (a database from before
 * it existed). Run by the ledger's writer before it starts writing; `onProgress` gets counts.
 */
export async function buildLedgerFacts(
  connection: Connection,
  onProgress: (done: number) => void = () => undefined,
  batchSize = 2_000,
): Promise<{ built: boolean; tickets: number }> {
  const store = LedgerFactsStore.of(connection);
  if (await store.migrated()) return { built: false, tickets: 0 };
  const cursor = ledgerModels(connection)
    .tickets.collection.find({}, { projection: FACTS_PROJECTION, batchSize })
    .map((doc) => doc as unknown as FactsSource);
  let batch: FactsSource[] = [];
  let done = 0;
  try {
    for await (const doc of cursor) {
      batch.push(doc);
      if (batch.length === batchSize) {
        await store.put(batch);
        done += batch.length;
        batch = [];
        onProgress(done);
      }
    }
  } finally {
    await cursor.close();
  }
  await store.put(batch);
  done += batch.length;
  if (batch.length > 0) onProgress(done);
  await store.markMigrated();
  return { built: true, tickets: done };
}
