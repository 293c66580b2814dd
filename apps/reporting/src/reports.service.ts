import { findByIds } from '@court/database';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { DirectoryNames } from '../../../activities/reporting/directory-names';
import { DirectoryNamesSource } from '../../../activities/reporting/directory-names';
import { ledgerPageIds } from '../../../activities/reporting/facts-queries';
import {
  type HandlerView,
  LEDGER_PROJECTION,
  LEDGER_SORT,
  type LedgerDoc,
  type LedgerFilter,
  ledgerItem,
  ledgerQuery,
} from '../../../activities/reporting/ledger-rows';
import type { Metrics } from '../../../activities/reporting/metrics';
import { type Period, PeriodError, parsePeriod } from '../../../activities/reporting/period';
import { ledgerMetrics } from '../../../activities/reporting/reporting.activities';
import type { LedgerPageDto } from './dto/ledger.dto';
import { REPORTING_MODELS, type ReportingModels } from './reporting.providers';

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
  constructor(
    @Inject(REPORTING_MODELS) private readonly models: ReportingModels,
    private readonly directory: DirectoryNamesSource,
  ) {}

  names(): Promise<DirectoryNames> {
    return this.directory.names();
  }

  async ledgerPage(filter: LedgerFilter, page: number, limit: number): Promise<LedgerPageDto> {
    const [{ ids, total }, names] = await Promise.all([
      ledgerPageIds(this.models.facts, filter, page, limit),
      this.names(),
    ]);
    const docs = await findByIds(this.models.tickets, ids, LEDGER_PROJECTION);
    return {
      items: docs.map((doc) => ledgerItem(doc as unknown as LedgerDoc, names)),
      total,
      page,
      limit,
    };
  }

  /** The ledger's documents in ledger order, from a cursor (bounded memory). */
  async *ledgerDocs(filter: LedgerFilter): AsyncGenerator<LedgerDoc> {
    const cursor = this.models.tickets.collection
      .find(ledgerQuery(filter), { projection: LEDGER_PROJECTION, batchSize: 500 })
      .sort(LEDGER_SORT);
    try {
      for await (const doc of cursor) yield doc as unknown as LedgerDoc;
    } finally {
      await cursor.close();
    }
  }

  /** The metrics of the whole court, or of a handler's part. */
  async metrics(period: Period, view?: HandlerView): Promise<Metrics> {
    return ledgerMetrics(this.models.facts, period, await this.names(), { view });
  }
}
