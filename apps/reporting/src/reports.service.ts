import { type CourtCalendar, createCourtCalendar, formatShanghai } from '@court/domain';
import type { DirectoryNames, Metrics } from '@court/reporting';
import {
  DirectoryNamesSource,
  type HandlerView,
  LEDGER_PROJECTION,
  type LedgerDoc,
  type LedgerFilter,
  ledgerItem,
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

  /** The ledger's documents in ledger order, from a cursor (bounded memory). */
  ledgerDocs(filter: LedgerFilter): AsyncGenerator<LedgerDoc> {
    return this.store.tickets.inLedgerOrder<LedgerDoc>(filter, LEDGER_PROJECTION);
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
