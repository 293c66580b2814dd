import { CurrentUser, type Principal, Roles } from '@court/auth';
import { Audited, type AuditSource, AuditTrail } from '@court/database';
import { LEDGER_COLUMNS, ledgerRow } from '@court/reporting';
import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  READ_ALL_ROLES,
  REPORT_ROLES,
  ReportAccess,
  type ReportScope,
  requestedDepartment,
  viewOf,
} from './access';
import { MetricsDto } from './dto/bulletin.dto';
import { CSV_MEDIA_TYPE, jsonOrFile, XLSX_MEDIA_TYPE } from './dto/json-or-file';
import { LedgerPageDto } from './dto/ledger.dto';
import { LedgerQueryDto, PeriodQueryDto } from './dto/report-query.dto';
import { UnacceptedListDto, UnacceptedQueryDto } from './dto/unaccepted.dto';
import { attachment, LEDGER_ROWS_HEADER, writeCsv, writeXlsx } from './exports';
import { periodOf, ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@ApiForbiddenResponse({
  description:
    '座席员等无权查看；承办人只能查看转办给本人的工单，部门负责人另可查看所负责部门的工单',
})
@Roles(...REPORT_ROLES)
@Controller('api/reports')
export class ReportsController {
  private readonly logger = new Logger('Reports');

  constructor(
    private readonly reports: ReportsService,
    private readonly audit: AuditTrail,
    private readonly access: ReportAccess,
  ) {}

  @Get('ledger')
  @ApiOperation({
    summary: '台账：按受理时间、类型、状态、部门筛选；json 分页，csv / xlsx 流式导出',
  })
  @ApiExtraModels(LedgerPageDto)
  @ApiOkResponse(
    jsonOrFile(
      LedgerPageDto,
      [CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE],
      'json: 一页台账；csv / xlsx: 文件',
    ),
  )
  async ledger(
    @Query() query: LedgerQueryDto,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
    @Res() res: Response,
  ): Promise<void> {
    const scope = await this.access.scope(user);
    const filter = {
      period: periodOf(query.from, query.to),
      type: query.type,
      status: query.status,
      departmentId: requestedDepartment(user, scope, query.departmentId),
      view: viewOf(scope),
    };
    const format = query.format ?? 'json';
    if (format === 'json') {
      const page: LedgerPageDto = await this.reports.ledgerPage(
        filter,
        query.page ?? 1,
        query.limit ?? 50,
      );
      res.json(page);
      return;
    }
    // A file of callers' names (phones masked) leaves the system: recorded, not blocking.
    await this.audit.changed(by, {
      action: 'ledger.export',
      detail: `导出台账 ${format}：${describeFilter(query, filter.departmentId, scope)}`,
    });
    const [names, expectedRows] = await Promise.all([
      this.reports.names(),
      this.reports.ledgerCount(filter),
    ]);
    const batches = this.reports.ledgerDocBatches(filter);
    const rows = (async function* () {
      for await (const batch of batches) yield* batch.map((doc) => ledgerRow(doc, names));
    })();
    const started = Date.now();
    // The rows to come, for the page's progress (the file's size is unknown until its end).
    res.setHeader(LEDGER_ROWS_HEADER, String(expectedRows));
    try {
      let count: number;
      if (format === 'csv') {
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', attachment('ledger.csv', '台账.csv'));
        count = await writeCsv(res, LEDGER_COLUMNS, rows);
      } else {
        res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
        res.setHeader('Content-Disposition', attachment('ledger.xlsx', '台账.xlsx'));
        count = await writeXlsx(res, [{ name: '台账', columns: LEDGER_COLUMNS, rows }]);
      }
      this.logger.log(
        `ledger ${format} export by ${user.id}: ${count} rows in ${Date.now() - started} ms`,
      );
    } catch (error) {
      // Headers are gone: the client sees a cut-off download rather than a half file that looks whole.
      this.logger.error(`ledger ${format} export failed: ${(error as Error).message}`);
      res.destroy(error as Error);
    }
  }

  @Get('metrics')
  @ApiOperation({
    summary: '质量指标：期间内受理的工单（承办人：转办给本人的；部门负责人另加所负责部门的）',
  })
  @ApiOkResponse({ type: MetricsDto })
  async metrics(
    @Query() query: PeriodQueryDto,
    @CurrentUser() user: Principal,
  ): Promise<MetricsDto> {
    const scope = await this.access.scope(user);
    return this.reports.metrics(periodOf(query.from, query.to), viewOf(scope));
  }

  @Get('unaccepted')
  @ApiOperation({
    summary:
      '未签收：转办后超过签收时限（ACCEPT_WITHIN，默认 2 个工作小时）仍未签收的在办工单（督办人员、院领导；承办人：无）',
  })
  @ApiOkResponse({ type: UnacceptedListDto })
  async unaccepted(
    @Query() query: UnacceptedQueryDto,
    @CurrentUser() user: Principal,
  ): Promise<UnacceptedListDto> {
    // A supervision list: handlers (who see their own tickets' state in their inbox) get none.
    if (!user.roles.some((role) => READ_ALL_ROLES.includes(role))) {
      return { items: [], total: 0, acceptWithin: this.reports.acceptWithin() };
    }
    return this.reports.unaccepted(query.limit ?? 100);
  }
}

/** The export's filter in words, for the audit trail. */
function describeFilter(
  query: LedgerQueryDto,
  departmentId: string | undefined,
  scope: ReportScope,
): string {
  const headed = scope.all ? '' : scope.departmentIds.join('、');
  const parts = [
    `受理时间 ${query.from ?? '…'} 至 ${query.to ?? '…'}`,
    ...(query.type ? [`类型 ${query.type}`] : []),
    ...(query.status ? [`状态 ${query.status}`] : []),
    ...(departmentId ? [`部门 ${departmentId}`] : []),
    ...(scope.all
      ? []
      : [`范围 转办给 ${scope.handlerId} 的工单${headed ? `及所负责部门 ${headed}` : ''}`]),
  ];
  return parts.join('，');
}
