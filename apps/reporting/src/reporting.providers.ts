import type {
  BulletinRepository,
  CalendarStore,
  LedgerFactsStore,
  TicketLedgerRepository,
} from '@court/database';
import { Storage } from '@court/database';
import { DirectoryNamesSource } from '@court/reporting';
import { Logger, Provider } from '@nestjs/common';
import { loadReportingSettings, REPORTING_SETTINGS } from './reporting-settings';

export const REPORTING_STORE = Symbol('REPORTING_STORE');

/** The metrics' read model kept in memory: ≈150 bytes a ticket, within the heap cap (192 MB). */
const FACTS_CACHE_TICKETS = 250_000;

/** The repositories the reports and the bulletins read and write. */
export interface ReportingStore {
  tickets: TicketLedgerRepository;
  facts: LedgerFactsStore;
  bulletins: BulletinRepository;
  calendar: CalendarStore;
}

export function reportingStore(storage: Storage): ReportingStore {
  return {
    tickets: storage.ticketLedger,
    facts: storage.facts({ cacheTickets: FACTS_CACHE_TICKETS }),
    bulletins: storage.bulletins,
    calendar: storage.calendar,
  };
}

export const reportingProviders: Provider[] = [
  { provide: REPORTING_SETTINGS, useFactory: () => loadReportingSettings() },
  {
    provide: REPORTING_STORE,
    inject: [Storage],
    useFactory: async (storage: Storage) => {
      const store = reportingStore(storage);
      // The reports' indexes (ticket-ledger.schema.ts), made here too: the reporting service
      // may start before any other service has touched the collections.
      await Promise.all([store.tickets.ensureReportIndexes(), store.bulletins.ensureIndexes()]);
      await warmFacts(store.facts);
      return store;
    },
  },
  {
    provide: DirectoryNamesSource,
    inject: [Storage],
    useFactory: (storage: Storage) => new DirectoryNamesSource(storage.directory),
  },
];

/**
 * Fills the metrics' cache before the service reports ready (≈2 s for 100,000 tickets on the
 * embedded database), so that the first report is as quick as the next; past WARM_WAIT_MS it
 * goes on in the background.
 */
async function warmFacts(facts: LedgerFactsStore): Promise<void> {
  const logger = new Logger('LedgerFacts');
  const started = Date.now();
  const warm = facts.warm().then(
    (tickets) => logger.log(`统计指标缓存就绪：${tickets} 件工单，用时 ${Date.now() - started} ms`),
    (error: unknown) =>
      logger.warn(`统计指标缓存预热失败（报表将直接读取数据库）：${String(error)}`),
  );
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, WARM_WAIT_MS);
  });
  await Promise.race([warm, waited]).finally(() => clearTimeout(timer));
}

const WARM_WAIT_MS = 30_000;
