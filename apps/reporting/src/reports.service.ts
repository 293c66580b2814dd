import { type CourtCalendar, createCourtCalendar, formatShanghai } from '@court/domain';
import type { DirectoryNames, Metrics } from '@court/reporting';
import {
  DirectoryNamesSource,
  type HandlerView,
  LEDGER_PROJECTION,
  type LedgerDoc,
  type LedgerFilter,
  ledgerItem,
  ledgerKeysByDay,
  ledgerPageIds,
  type Period,
  PeriodError,
  parsePeriod,
  unacceptedTickets,
} from '@court/reporting';
import { BadRequestException, Inject, Injectable, Logger } from '@nestjs/common';
import { ledgerMetrics } from '../../../activities/reporting/reporting.activities';
import type { LedgerPageDto } from './dto/ledger.dto';
import type { UnacceptedListDto } from './dto/unaccepted.dto';
import { inLedgerOrder } from './in-ledger-order';
import { docMatches } from './ledger-export-order';
import { REPORTING_STORE, type ReportingStore } from './reporting.providers';
import { REPORTING_SETTINGS, type ReportingSettings } from './reporting-settings';

/** `from` / `to` of a request, or 400 with the field named. */
export function periodOf(from?: string, to?: string): Period {
  try {
    return parsePeriod(from, to);
  } catch (error) {
    if (error instanceof PeriodError) {
      throw new BadRequestException({
        statusCode: 400,
        message: '请求参数有误',
        errors: [{ field: error.field, message: error.message }],
      });
    }
    throw error;
  }
}

/** Scanned documents an export holds at most while they wait for their turn (≈2 KB each). */
const MAX_WAITING_DOCS = 4000;

@Injectable()
export class ReportsService {
  private readonly logger = new Logger('Reports');
  /** The court calendar per version of the overrides in force. */
  private calendarOf: { version: number; calendar: CourtCalendar } | null = null;

  constructor(
    @Inject(REPORTING_STORE) private readonly store: ReportingStore,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
    private readonly directory: DirectoryNamesSource,
  ) {}

  names(): Promise<DirectoryNames> {
    return this.directory.names();
  }

  async ledgerPage(filter: LedgerFilter, page: number, limit: number): Promise<LedgerPageDto> {
    const [{ ids, total }, names] = await Promise.all([
      ledgerPageIds(this.store.facts, filter, page, limit),
      this.names(),
    ]);
    const docs = await this.store.tickets.byIds(ids, LEDGER_PROJECTION);
    return {
      items: docs.map((doc) => ledgerItem(doc, names)),
      total,
      page,
      limit,
    };
  }

  /**
   * The ledger's documents in ledger order, a batch at a time (bounded memory): scanned as
   * stored, put in order from the read model (in-ledger-order.ts).
   */
  ledgerDocBatches(filter: LedgerFilter): AsyncGenerator<LedgerDoc[]> {
    const tickets = this.store.tickets;
    return inLedgerOrder({
      keys: ledgerKeysByDay(this.store.facts, filter),
      scan: tickets.batchesOf<LedgerDoc>(filter),
      byIds: async (ids) =>
        (await tickets.byIds(ids)).filter((doc) => docMatches(doc as LedgerDoc, filter)),
      maxWaiting: MAX_WAITING_DOCS,
    });
  }

  /**
   * How many tickets the ledger holds for the filter, from the read model (no scan of the
   * ledger): an export's expected rows, for its progress.
   */
  async ledgerCount(filter: LedgerFilter): Promise<number> {
    return (await ledgerPageIds(this.store.facts, filter, 1, 0)).total;
  }

  /** The metrics of the whole court, or of a handler's part. */
  async metrics(period: Period, view?: HandlerView): Promise<Metrics> {
    return ledgerMetrics(this.store.facts, period, await this.names(), { view });
  }

  /** The court calendar with the overrides in force (an admin's import) and the working hours. */
  private async calendar(): Promise<CourtCalendar> {
    const latest = await this.store.calendar.latest();
    const version = latest?._id ?? 0;
    if (this.calendarOf?.version !== version) {
      this.calendarOf = {
        version,
        calendar: createCourtCalendar({
          overrides: latest?.data ?? null,
          workingHours: this.settings.workingHours,
          onProvisional: (notice) => this.logger.warn(notice.message),
        }),
      };
    }
    return this.calendarOf.calendar;
  }

  /** ACCEPT_WITHIN as set, e.g. `2h`. */
  acceptWithin(): string {
    return this.settings.acceptWithin.text;
  }

  /** 未签收: the transfers whose time to accept (ACCEPT_WITHIN) has passed without 签收. */
  async unaccepted(limit: number, now = new Date()): Promise<UnacceptedListDto> {
    const { items, total } = await unacceptedTickets(this.store.facts, {
      now: now.getTime(),
      calendar: await this.calendar(),
      within: this.settings.acceptWithin,
      limit,
    });
    return {
      items: items.map((t) => ({
        ...t,
        dispatchedAt: formatShanghai(t.dispatchedAt),
        acceptBy: formatShanghai(t.acceptBy),
      })),
      total,
      acceptWithin: this.settings.acceptWithin.text,
    };
  }
}
