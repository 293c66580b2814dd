import { CurrentUser, type Principal, Roles } from '@court/auth';
import { Audited, type AuditSource, AuditTrail } from '@court/database';
import { DIRECTORY_IMPORT_KINDS, type DirectoryImportKind } from '@court/domain';
import {
  type ArgumentsHost,
  BadRequestException,
  Body,
  Catch,
  Controller,
  type ExceptionFilter,
  HttpCode,
  PayloadTooLargeException,
  Post,
  Query,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DirectoryImportService } from './directory-import.service';
import { DirectoryImportForm, DirectoryImportResult } from './dto/directory-import.dto';

/** Files larger than this are refused with 413 before they are read. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

function badRequest(field: string, message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    message: '请求参数有误',
    errors: [{ field, message }],
  });
}

/** Multer's 413 ("File too large") in the API's words. */
@Catch(PayloadTooLargeException)
export class ImportTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .json({ statusCode: 413, message: `文件过大（上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB）` });
  }
}

/** Importing cases or people from the trial-process system's CSV export (admin). */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/directory')
export class DirectoryImportController {
  constructor(
    private readonly imports: DirectoryImportService,
    private readonly audit: AuditTrail,
  ) {}

  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  @UseFilters(ImportTooLargeFilter)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } }),
  )
  @ApiOperation({
    summary: '从 CSV 文件导入案件或人员（管理员；全部成功或全部不改）',
    description:
      'multipart/form-data：`kind`（cases | people，也可作查询参数）与 `file`（CSV，UTF-8 或 GBK，至多 2 MB）。' +
      '案件列：案号,承办法官（工号或唯一的姓名）,案由；人员列：工号,姓名,角色,职务,部门,手机号。' +
      '任一行有误则 400，errors 逐行列出（rows[3].案号，行号同电子表格，表头为第1行），不做任何修改。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: DirectoryImportForm })
  @ApiQuery({ name: 'kind', enum: DIRECTORY_IMPORT_KINDS, required: false })
  @ApiOkResponse({ type: DirectoryImportResult })
  @ApiBadRequestResponse({
    description: '文件为空、表头缺列或某行有误（errors 逐行列出），未做任何修改',
  })
  @ApiPayloadTooLargeResponse({ description: '文件超过 2 MB' })
  async import(
    @UploadedFile() file: { buffer: Buffer; size: number } | undefined,
    @Body() body: Record<string, unknown> | undefined,
    @Query('kind') queryKind: string | undefined,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<DirectoryImportResult> {
    const kind = body?.kind ?? queryKind;
    if (!(DIRECTORY_IMPORT_KINDS as readonly unknown[]).includes(kind)) {
      throw badRequest('kind', '导入类型应为 cases（案件）或 people（人员）');
    }
    if (!file) throw badRequest('file', '请选择要导入的 CSV 文件（表单字段 file）');
    if (file.size === 0) throw badRequest('file', '文件为空');
    const outcome = await this.imports.import(kind as DirectoryImportKind, file.buffer, user.id);
    await this.audit.changed(by, {
      action: 'directory.import',
      target: kind as string,
      detail: `导入${kind === 'cases' ? '案件' : '人员'}：新增${outcome.created}，更新${outcome.updated}，未变${outcome.unchanged}（${outcome.encoding}）`,
    });
    return outcome;
  }
}
