import type { Connection } from 'mongoose';
import { AccountStore } from './accounts';
import { CalendarStore } from './calendar-store';
import { buildCallerLookup, CallerLookup } from './caller-lookup';
import { buildLedgerFacts } from './ledger-facts-build';
import { type LedgerFactsOptions, LedgerFactsStore } from './ledger-facts-store';
import { BulletinRepository } from './repositories/bulletin.repository';
import { DatabaseHealth } from './repositories/database-health';
import { DemoSeedRepository } from './repositories/demo-seed.repository';
import { DirectoryRepository } from './repositories/directory.repository';
import { IdempotencyKeyRepository } from './repositories/idempotency-keys.repository';
import { NoticeRepository } from './repositories/notices.repository';
import { SmsOutboxRepository } from './repositories/sms-outbox.repository';
import { TicketLedgerRepository } from './repositories/ticket-ledger.repository';
import { TicketNumberRepository } from './repositories/ticket-numbers.repository';
import { VoicemailRepository } from './repositories/voicemail.repository';
import { WorkflowStartRepository } from './repositories/workflow-starts.repository';

/**
 * Every repository of a service, on its one connection: the port the rest of the code stores
 * through. Nothing outside libs/database sees a mongoose model or connection.
 *
 * The repositories are shaped by the database we run embedded, FerretDB 1.24 on SQLite, and
 * stay correct on MongoDB: FerretDB pushes down only `_id` equality (any range, sort or
 * `$group` scans the collection), and its `$inc`/`$push` lose updates from concurrent clients.
 * Hence reads by `_id` wherever a read is hot (the facts codec, the day buckets, the caller
 * lookup), claims by unique-`_id` inserts, one writer per document, and grouped writes
 * instead of atomic operators. Each repository says at its top which of these it relies on.
 */
export class Storage {
  private readonly made = new Map<string, unknown>();

  constructor(private readonly connection: Connection) {}

  private once<T>(name: string, make: (connection: Connection) => T): T {
    if (!this.made.has(name)) this.made.set(name, make(this.connection));
    return this.made.get(name) as T;
  }

  get accounts(): AccountStore {
    return this.once('accounts', AccountStore.of);
  }

  get calendar(): CalendarStore {
    return this.once('calendar', CalendarStore.of);
  }

  get callers(): CallerLookup {
    return this.once('callers', CallerLookup.of);
  }

  get ticketLedger(): TicketLedgerRepository {
    return this.once('ticketLedger', TicketLedgerRepository.of);
  }

  get directory(): DirectoryRepository {
    return this.once('directory', DirectoryRepository.of);
  }

  get voicemails(): VoicemailRepository {
    return this.once('voicemails', VoicemailRepository.of);
  }

  get ticketNumbers(): TicketNumberRepository {
    return this.once('ticketNumbers', TicketNumberRepository.of);
  }

  get idempotencyKeys(): IdempotencyKeyRepository {
    return this.once('idempotencyKeys', IdempotencyKeyRepository.of);
  }

  get workflowStarts(): WorkflowStartRepository {
    return this.once('workflowStarts', WorkflowStartRepository.of);
  }

  get demoSeed(): DemoSeedRepository {
    return this.once('demoSeed', DemoSeedRepository.of);
  }

  /** Builds the caller lookup from a ledger that has none, once (caller-lookup.ts). */
  buildCallerLookup(): Promise<{ built: boolean; tickets: number }> {
    return buildCallerLookup(this.connection);
  }

  get notices(): NoticeRepository {
    return this.once('notices', NoticeRepository.of);
  }

  get smsOutbox(): SmsOutboxRepository {
    return this.once('smsOutbox', SmsOutboxRepository.of);
  }

  get bulletins(): BulletinRepository {
    return this.once('bulletins', BulletinRepository.of);
  }

  get databaseHealth(): DatabaseHealth {
    return this.once('databaseHealth', DatabaseHealth.of);
  }

  /**
   * The metrics' read model, one per cache size: the ledger activity writes through the one
   * without a cache, the reports read through one that keeps `cacheTickets` tickets.
   */
  facts(options: Pick<LedgerFactsOptions, 'cacheTickets'> = {}): LedgerFactsStore {
    const cacheTickets = options.cacheTickets ?? 0;
    return this.once(`facts:${cacheTickets}`, (connection) =>
      LedgerFactsStore.of(connection, { cacheTickets }),
    );
  }

  /** Builds the read model from a ledger that has none, once (ledger-facts-build.ts). */
  buildLedgerFacts(onProgress?: (done: number) => void) {
    return buildLedgerFacts(this.connection, onProgress);
  }
}
