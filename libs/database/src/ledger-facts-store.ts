import { shanghaiDate } from '@court/domain';
import type { Collection, Connection } from 'mongoose';
import { groupedWrite } from './grouped-write';
import {
  decodeFacts,
  encodeFacts,
  FACTS_PROJECTION,
  type FactsSource,
  type TicketFacts,
  ticketFacts,
} from './ledger-facts';
import { migrateLedgerOnce } from './migrations';
import { upsertOnce } from './upsert-once';

interface FactsBucketDoc {
  _id: string;
  tickets: Record<string, string>;
}

/** A bucket of the list: `v` counts the writes to its document (the readers' cache key). */
interface FactsBucketEntry {
  _id: string;
  v?: number;
}

/** A cached bucket as one string of `<id> <facts>` lines: few large strings weigh less than many. */
interface CachedBucket {
  v: number;
  lines: string;
  size: number;
}

export const LEDGER_FACTS_MIGRATION = 'ledger-facts-v3';

/** Tickets per bucket, by their number: a write rewrites at most this many facts on FerretDB. */
const BUCKET_TICKETS = 128;

/** `<Shanghai day of receipt>#<n>`, n from the ticket id's trailing number (its daily sequence). */
function bucketOf(day: string, ticketId: string): string {
  const number = /(\d+)$/.exec(ticketId)?.[1];
  return `${day}#${number ? Math.floor(Number(number) / BUCKET_TICKETS) : 0}`;
}

function dayOf(bucket: string): string {
  return bucket.slice(0, bucket.indexOf('#'));
}

/**
 * The metrics' read model: each ticket's facts (ledger-facts.ts) under `tickets.<ticket id>` of
 * a bucket document in `ledger_fact_days`, one bucket per Shanghai day of receipt and 128
 * ticket numbers, and the list of buckets with a write count each in `ledger_fact_day_list`.
 * A period's reports read the list and each bucket by `_id`, the only lookup FerretDB 1.24
 * does without scanning a collection; a reader with a cache keeps the buckets it has read and
 * fetches again only those whose write count moved.
 *
 * Written with the ledger, by its one writer per ticket (the workflow's ledger activity): a
 * `$set` of the ticket's own path, then `$inc` of the bucket's count, each atomic on MongoDB.
 * FerretDB applies an update by reading and rewriting the whole document without a lock, so
 * writes to a bucket are queued, and grouped, in the process (the embedded stack runs one
 * worker), and a bucket stays small so that the rewrite stays cheap however busy the day.
 */
export class LedgerFactsStore {
  /** Buckets read, least recently used first, while they hold at most `cacheTickets` in all. */
  private readonly cache = new Map<string, CachedBucket>();
  private cachedTickets = 0;
  /** Buckets being fetched: readers at the same time share one fetch. */
  private readonly fetching = new Map<string, Promise<[string, string][]>>();

  constructor(
    private readonly buckets: Collection<FactsBucketDoc>,
    private readonly bucketList: Collection<FactsBucketEntry>,
    private readonly scope: string,
    private readonly cacheTickets = 0,
  ) {}

  /** `cacheTickets`: how many tickets' facts a reader may keep between reads (0: none). */
  static of(connection: Connection, options: { cacheTickets?: number } = {}): LedgerFactsStore {
    return new LedgerFactsStore(
      connection.collection<FactsBucketDoc>('ledger_fact_days'),
      connection.collection<FactsBucketEntry>('ledger_fact_day_list'),
      connection.name,
      options.cacheTickets ?? 0,
    );
  }

  /** Stores (or replaces) the facts of these ledger tickets. */
  async put(docs: readonly FactsSource[]): Promise<void> {
    const byBucket = new Map<string, Record<string, string>>();
    for (const doc of docs) {
      const facts = ticketFacts(doc);
      if (facts.receivedAt === null) continue;
      if (!/^[^.$\s][^.\s]*$/.test(facts.id)) {
        throw new Error(`ticket id unfit for a field name: ${facts.id}`);
      }
      const bucket = bucketOf(shanghaiDate(facts.receivedAt), facts.id);
      let set = byBucket.get(bucket);
      if (!set) {
        set = {};
        byBucket.set(bucket, set);
      }
      set[`tickets.${facts.id}`] = encodeFacts(facts);
    }
    await Promise.all(
      [...byBucket].map(([bucket, set]) =>
        groupedWrite(`${this.scope}/${bucket}`, set, (batch) => this.writeBucket(bucket, batch)),
      ),
    );
  }

  /** The document first, then its count: a reader that sees the new count sees the write. */
  private async writeBucket(bucket: string, set: Record<string, string>): Promise<void> {
    await upsertOnce(() =>
      this.buckets.updateOne({ _id: bucket }, { $set: set }, { upsert: true }),
    );
    await upsertOnce(() =>
      this.bucketList.updateOne({ _id: bucket }, { $inc: { v: 1 } }, { upsert: true }),
    );
  }

  /**
   * The facts of the tickets received in [from, to) (either bound may be absent), a day at a
   * time in day order; the buckets of `parallelDays` days are fetched at once.
   */
  async *read(
    period: { from: Date | null; to: Date | null },
    parallelDays = 8,
  ): AsyncGenerator<TicketFacts[]> {
    const from = period.from?.getTime() ?? Number.NEGATIVE_INFINITY;
    const to = period.to?.getTime() ?? Number.POSITIVE_INFINITY;
    const firstDay = period.from ? shanghaiDate(from) : '';
    const lastDay = period.to ? shanghaiDate(to - 1) : '\uffff';
    const days = new Map<string, FactsBucketEntry[]>();
    for (const entry of await this.bucketList.find({}).toArray()) {
      const day = dayOf(entry._id);
      if (day < firstDay || day > lastDay) continue;
      const buckets = days.get(day);
      if (buckets) buckets.push(entry);
      else days.set(day, [entry]);
    }
    const order = [...days.keys()].sort();
    for (let i = 0; i < order.length; i += parallelDays) {
      const fetched = await Promise.all(
        order
          .slice(i, i + parallelDays)
          .map((day) => Promise.all(days.get(day)!.map((entry) => this.bucket(entry)))),
      );
      for (const buckets of fetched) {
        const facts: TicketFacts[] = [];
        for (const [id, encoded] of buckets.flat()) {
          const f = decodeFacts(id, encoded);
          if (f.receivedAt !== null && f.receivedAt >= from && f.receivedAt < to) facts.push(f);
        }
        yield facts;
      }
    }
  }

  /** Fetches every bucket once, so that a reader's first report finds its cache filled. */
  async warm(parallel = 8): Promise<number> {
    const entries = await this.bucketList.find({}).toArray();
    let tickets = 0;
    for (let i = 0; i < entries.length; i += parallel) {
      const batch = await Promise.all(entries.slice(i, i + parallel).map((e) => this.bucket(e)));
      for (const bucket of batch) tickets += bucket.length;
    }
    return tickets;
  }

  /** One bucket's `[id, facts]`, from the cache while its write count has not moved. */
  private async bucket(entry: FactsBucketEntry): Promise<[string, string][]> {
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
      fetch = this.fetchBucket(entry._id, v).finally(() => this.fetching.delete(key));
      this.fetching.set(key, fetch);
    }
    return fetch;
  }

  private async fetchBucket(bucket: string, v: number): Promise<[string, string][]> {
    const doc = await this.buckets.findOne({ _id: bucket });
    const tickets = Object.entries(doc?.tickets ?? {});
    if (this.cacheTickets > 0) {
      const lines = tickets.map(([id, encoded]) => `${id} ${encoded}`).join('\n');
      this.remember(bucket, { v, lines, size: tickets.length });
    }
    return tickets;
  }

  private remember(bucket: string, cached: CachedBucket): void {
    const previous = this.cache.get(bucket);
    if (previous) {
      this.cache.delete(bucket);
      this.cachedTickets -= previous.size;
    }
    if (cached.size > this.cacheTickets) return;
    this.cache.set(bucket, cached);
    this.cachedTickets += cached.size;
    for (const [oldest, old] of this.cache) {
      if (this.cachedTickets <= this.cacheTickets) break;
      this.cache.delete(oldest);
      this.cachedTickets -= old.size;
    }
  }

  /** Empties the read model (before it is built again from the ledger). */
  async clear(): Promise<void> {
    await Promise.all([this.buckets.deleteMany({}), this.bucketList.deleteMany({})]);
    this.cache.clear();
    this.cachedTickets = 0;
  }
}

function splitLine(line: string): [string, string] {
  const space = line.indexOf(' ');
  return [line.slice(0, space), line.slice(space + 1)];
}

/**
 * Fills the read model from the ledger when it has never been built (a database from before
 * it existed). Run by the ledger's writer before it starts writing; `onProgress` gets counts.
 */
export function buildLedgerFacts(
  connection: Connection,
  onProgress: (done: number) => void = () => undefined,
  batchSize = 2_000,
): Promise<{ built: boolean; tickets: number }> {
  const store = LedgerFactsStore.of(connection);
  return migrateLedgerOnce<FactsSource>(connection, LEDGER_FACTS_MIGRATION, {
    projection: FACTS_PROJECTION,
    prepare: () => store.clear(), // facts of an older format, if any
    apply: (docs) => store.put(docs),
    onProgress,
    batchSize,
  });
}
