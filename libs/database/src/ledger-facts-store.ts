import { shanghaiDate } from '@court/domain';
import type { Collection, Connection } from 'mongoose';
import { groupedWrite } from './grouped-write';
import { type FactsSource, type TicketFacts, ticketFacts } from './ledger-facts';
import {
  type Bucket,
  type FactsBucketDoc,
  type FactsBucketEntry,
  newestOf,
  parseBucket,
  slotOf,
  splitLine,
} from './ledger-facts-buckets';
import { decodeFacts, encodeFacts } from './ledger-facts-codec';
import { isDeadWriter, newWriterId, WriterLease } from './writer-lease';

/** A cached bucket as one string of `<id> <facts>` lines: few large strings weigh less than many. */
interface CachedBucket {
  v: number;
  lines: string;
  size: number;
}

export interface LedgerFactsOptions {
  /** How many tickets' facts a reader may keep between reads (0: none). */
  cacheTickets?: number;
  /** The clock, in ms (tests move it on). */
  now?: () => number;
}

/** How often a writing process merges dead writers' buckets, beyond the worker's start. */
const COMPACT_EVERY_MS = 86_400_000;

/** How many times a read lists a day's buckets again when some were merged away meanwhile. */
const RELIST_TRIES = 3;

/**
 * The metrics' read model: each ticket's facts (ledger-facts.ts) under `tickets.<ticket id>` of
 * a bucket document in `ledger_fact_days`, one bucket per Shanghai day of receipt, 128 ticket
 * numbers and writing process (`<day>#<n>@<writer>`), and the list of buckets with a write count
 * each in `ledger_fact_day_list`. A period's reports read the list and each bucket by `_id`, the
 * only lookup FerretDB 1.24 does without scanning a collection, and keep of each ticket the facts
 * of the highest ledger revision (a workflow moves between workers, so one ticket may be in the
 * buckets of several); a reader with a cache keeps the buckets it has read and fetches again only
 * those whose write count moved.
 *
 * Every document has one writing process, the store that drew its writer id (writer-lease.ts),
 * because FerretDB applies an update by rewriting the whole document without a lock: a `$set` of
 * the ticket's own path, then `$set` of the bucket's count, queued and grouped per bucket. Buckets
 * stay small so that the rewrite stays cheap however busy the day. The buckets of dead writers
 * are merged (`compact`) at the worker's start and daily.
 *
 * One class (~300 lines) on purpose: its reads, writes and merges share one cache and one write
 * queue per bucket, which a split would have to expose. The bucket layout is
 * ledger-facts-buckets.ts; building the model from the ledger, ledger-facts-build.ts.
 */
export class LedgerFactsStore {
  /** Buckets read, least recently used first, while they hold at most `cacheTickets` in all. */
  private readonly cache = new Map<string, CachedBucket>();
  private cachedTickets = 0;
  /** Buckets being fetched: readers at the same time share one fetch. */
  private readonly fetching = new Map<string, Promise<Bucket | null>>();
  private readonly cacheTickets: number;
  private readonly now: () => number;
  private readonly lease = new WriterLease();
  /** Writes so far per slot under the writer id `countsOf`. */
  private counts = new Map<string, number>();
  private countsOf = '';
  /** This store's own write queues: other stores in the process write other documents. */
  private readonly queues = newWriterId();
  private compactedAt: number;

  constructor(
    private readonly buckets: Collection<FactsBucketDoc>,
    private readonly bucketList: Collection<FactsBucketEntry>,
    options: LedgerFactsOptions = {},
  ) {
    this.cacheTickets = options.cacheTickets ?? 0;
    this.now = options.now ?? Date.now;
    this.compactedAt = this.now();
  }

  static of(connection: Connection, options: LedgerFactsOptions = {}): LedgerFactsStore {
    return new LedgerFactsStore(
      connection.collection<FactsBucketDoc>('ledger_fact_days'),
      connection.collection<FactsBucketEntry>('ledger_fact_day_list'),
      options,
    );
  }

  /** Stores (or replaces) the facts of these ledger tickets. */
  async put(docs: readonly FactsSource[]): Promise<void> {
    const bySlot = new Map<string, Record<string, string>>();
    for (const doc of docs) {
      const facts = ticketFacts(doc);
      if (facts.receivedAt === null) continue;
      if (!/^[^.$\s][^.\s]*$/.test(facts.id)) {
        throw new Error(`ticket id unfit for a field name: ${facts.id}`);
      }
      const slot = slotOf(shanghaiDate(facts.receivedAt), facts.id);
      let set = bySlot.get(slot);
      if (!set) {
        set = {};
        bySlot.set(slot, set);
      }
      set[`tickets.${facts.id}`] = encodeFacts(facts, doc.rev ?? 0);
    }
    this.compactNowAndThen();
    await Promise.all(
      [...bySlot].map(([slot, set]) =>
        groupedWrite(`${this.queues}/${slot}`, set, (batch) => this.writeBucket(slot, batch)),
      ),
    );
  }

  /** The document first, then its count: a reader that sees the new count sees the write. */
  private async writeBucket(slot: string, set: Record<string, string>): Promise<void> {
    const at = this.now();
    const writer = this.lease.at(at);
    if (writer !== this.countsOf) {
      this.counts = new Map();
      this.countsOf = writer;
    }
    // Counted before the write: a write that failed after all still moves the count next time.
    const v = (this.counts.get(slot) ?? 0) + 1;
    this.counts.set(slot, v);
    const bucket = `${slot}@${writer}`;
    await this.buckets.updateOne({ _id: bucket }, { $set: set }, { upsert: true });
    await this.bucketList.updateOne(
      { _id: bucket },
      { $set: { v, at: new Date(at) } },
      { upsert: true },
    );
    this.lease.alive(writer, at);
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
    for (const entry of await this.list()) {
      const { day } = parseBucket(entry._id);
      if (day < firstDay || day > lastDay) continue;
      const buckets = days.get(day);
      if (buckets) buckets.push(entry);
      else days.set(day, [entry]);
    }
    const order = [...days.keys()].sort();
    for (let i = 0; i < order.length; i += parallelDays) {
      const fetched = await Promise.all(
        order.slice(i, i + parallelDays).map((day) => this.day(day, days.get(day)!)),
      );
      for (const tickets of fetched) {
        const facts: TicketFacts[] = [];
        for (const [id, encoded] of tickets) {
          const f = decodeFacts(id, encoded);
          if (f.receivedAt !== null && f.receivedAt >= from && f.receivedAt < to) facts.push(f);
        }
        yield facts;
      }
    }
  }

  /** A day's newest facts per ticket; a bucket merged away meanwhile makes it list the day again. */
  private async day(day: string, entries: FactsBucketEntry[]): Promise<Bucket> {
    for (let tries = 0; ; tries++) {
      const buckets = await Promise.all(entries.map((entry) => this.bucket(entry)));
      if (tries === RELIST_TRIES || buckets.every((b) => b !== null)) return newestOf(buckets);
      entries = (await this.list()).filter((entry) => parseBucket(entry._id).day === day);
    }
  }

  /** Fetches every bucket once, so that a reader's first report finds its cache filled. */
  async warm(parallel = 8): Promise<number> {
    const entries = await this.list();
    const tickets = new Set<string>();
    for (let i = 0; i < entries.length; i += parallel) {
      const batch = await Promise.all(entries.slice(i, i + parallel).map((e) => this.bucket(e)));
      for (const bucket of batch) for (const [id] of bucket ?? []) tickets.add(id);
    }
    return tickets.size;
  }

  /** Every bucket listed; cached buckets no longer listed (merged away) leave the cache. */
  private async list(): Promise<FactsBucketEntry[]> {
    const entries = await this.bucketList.find({}).toArray();
    if (this.cache.size > 0) {
      const listed = new Set(entries.map((entry) => entry._id));
      for (const [bucket, cached] of this.cache) {
        if (listed.has(bucket)) continue;
        this.cache.delete(bucket);
        this.cachedTickets -= cached.size;
      }
    }
    return entries;
  }

  /** One bucket's `[id, facts]`, from the cache while its write count has not moved; null: gone. */
  private async bucket(entry: FactsBucketEntry): Promise<Bucket | null> {
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

  private async fetchBucket(bucket: string, v: number): Promise<Bucket | null> {
    const doc = await this.buckets.findOne({ _id: bucket });
    if (!doc) return null;
    const tickets = Object.entries(doc.tickets ?? {});
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

  /**
   * Merges, per day and ticket numbers, the buckets of dead writers (writer-lease.ts) into one
   * bucket of a writer id of its own, written once, then removes them: each restart of a
   * writing process leaves a set of buckets behind, and a reader reads every one. Readers may
   * run meanwhile: the merged bucket is listed before the dead ones leave the list, and a
   * reader that listed a bucket now gone lists again. Buckets of the layout before writers are
   * left as they are (one per day and ticket numbers). Returns the buckets merged and made.
   */
  async compact(): Promise<{ merged: number; into: number }> {
    const now = this.now();
    const entries = await this.bucketList.find({}).toArray();
    const lastSeen = new Map<string, number>();
    for (const entry of entries) {
      const { writer } = parseBucket(entry._id);
      if (writer === null) continue;
      lastSeen.set(writer, Math.max(lastSeen.get(writer) ?? 0, entry.at?.getTime() ?? 0));
    }
    const deadBySlot = new Map<string, string[]>();
    for (const entry of entries) {
      const { slot, writer } = parseBucket(entry._id);
      if (writer === null || !isDeadWriter(lastSeen.get(writer)!, now)) continue;
      deadBySlot.set(slot, [...(deadBySlot.get(slot) ?? []), entry._id]);
    }
    const writer = newWriterId();
    let merged = 0;
    let into = 0;
    for (const [slot, dead] of deadBySlot) {
      if (dead.length < 2) continue;
      const docs = await Promise.all(dead.map((bucket) => this.buckets.findOne({ _id: bucket })));
      const tickets = newestOf(docs.map((doc) => (doc ? Object.entries(doc.tickets ?? {}) : null)));
      if (tickets.length > 0) {
        const bucket = `${slot}@${writer}`;
        await this.buckets.replaceOne(
          { _id: bucket },
          { tickets: Object.fromEntries(tickets) },
          { upsert: true },
        );
        await this.bucketList.replaceOne(
          { _id: bucket },
          { v: 1, at: new Date(now) },
          { upsert: true },
        );
        into += 1;
      }
      // One by one: FerretDB pushes down `_id` equality only, `$in` would scan the collection.
      for (const bucket of dead) await this.bucketList.deleteOne({ _id: bucket });
      for (const bucket of dead) await this.buckets.deleteOne({ _id: bucket });
      merged += dead.length;
    }
    return { merged, into };
  }

  private compactNowAndThen(): void {
    const now = this.now();
    if (now - this.compactedAt < COMPACT_EVERY_MS) return;
    this.compactedAt = now;
    // Housekeeping: what fails to merge now stays readable and is merged next time.
    void this.compact().catch(() => undefined);
  }

  /**
   * Removes the buckets of the layout before writers (facts of an older format, before the read
   * model is built again from the ledger); other processes' buckets are theirs to keep.
   */
  async clearBeforeWriters(): Promise<void> {
    for (const collection of [this.bucketList, this.buckets] as Collection<{ _id: string }>[]) {
      const ids = await collection.find({}, { projection: { _id: 1 } }).toArray();
      for (const { _id } of ids) {
        if (parseBucket(_id).writer === null) await collection.deleteOne({ _id });
      }
    }
    this.cache.clear();
    this.cachedTickets = 0;
  }
}
