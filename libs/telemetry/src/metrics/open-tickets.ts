import {
  type FactoryProvider,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { OPEN_STATUSES, openTickets } from './hotline-metrics';

/** What the gauge needs of a ticket's facts (the reporting service's read model). */
export interface OpenTicketFacts {
  status: string | null;
  callbackDue: boolean;
}

/** The read model, every day of it (LedgerFactsStore.read over an open period). */
export interface OpenTicketsSource {
  read(period: { from: null; to: null }): AsyncIterable<readonly OpenTicketFacts[]>;
}

/**
 * Whether a ticket is still open: not closed, and not a direct answer that needs no callback
 * (that one's life ends at `answered`).
 */
export function isOpenTicket(ticket: OpenTicketFacts): boolean {
  if (ticket.status === null || ticket.status === 'closed') return false;
  return !(ticket.status === 'answered' && !ticket.callbackDue);
}

/** Open tickets per status, every status from 0. */
export async function countOpenTickets(source: OpenTicketsSource): Promise<Map<string, number>> {
  const counts = new Map<string, number>(OPEN_STATUSES.map((status) => [status, 0]));
  for await (const day of source.read({ from: null, to: null })) {
    for (const ticket of day) {
      if (isOpenTicket(ticket)) counts.set(ticket.status!, (counts.get(ticket.status!) ?? 0) + 1);
    }
  }
  return counts;
}

export const OPEN_TICKETS_SOURCE = Symbol('OPEN_TICKETS_SOURCE');
export const OPEN_TICKETS_REFRESH_MS = 60_000;

/**
 * Keeps `court_open_tickets` in the background, never on the scrape path (a count over the
 * ledger scans it on FerretDB): at start, then once a minute at most, a refresh skipped while
 * the one before still runs; a scrape serves the last value.
 */
@Injectable()
export class OpenTicketsGauge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OpenTicketsGauge');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(@Inject(OPEN_TICKETS_SOURCE) private readonly source: OpenTicketsSource) {}

  onApplicationBootstrap(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), OPEN_TICKETS_REFRESH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One refresh, or none when one is under way (then resolves when that one ends). */
  refresh(): Promise<void> {
    this.running ??= this.count().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async count(): Promise<void> {
    try {
      const counts = await countOpenTickets(this.source);
      for (const [status, open] of counts) openTickets.labels(status).set(open);
    } catch (error) {
      this.logger.warn(`open tickets not counted: ${(error as Error).message}`);
    }
  }
}

/**
 * The gauge for a module that has the read model: `openTicketsGauge({ inject: [MODELS],
 * useFactory: (models) => models.facts })` among its providers.
 */
export function openTicketsGauge(
  source: Omit<FactoryProvider<OpenTicketsSource>, 'provide'>,
): Provider[] {
  return [{ ...source, provide: OPEN_TICKETS_SOURCE }, OpenTicketsGauge];
}
