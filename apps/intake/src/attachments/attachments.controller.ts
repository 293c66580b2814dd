import { CurrentUser, type Principal, Roles } from '@court/auth';
import { Audited, type AuditSource, AuditTrail, type TicketLedgerDoc } from '@court/database';
import {
  Controller,
  Get,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition, formatBytes } from './attachment-names';
import type { AttachmentMeta } from './attachment-store';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor';
import { AttachmentsService, type UploadedAttachment } from './attachments.service';
import {
  AttachmentCreated,
  AttachmentList,
  AttachmentUploadForm,
  AttachmentView,
} from './dto/attachment.dto';
import { ReadableTicket, ReadableTicketGuard } from './readable-ticket.guard';

const DOWNLOAD_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/tiff',
  'image/bmp',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'audio/mpeg',
  'audio/wav',
];

function view(meta: AttachmentMeta): AttachmentView {
  return {
    id: meta.id,
    name: meta.name,
    contentType: meta.contentType,
    size: meta.size,
    uploadedBy: meta.uploadedBy,
    uploadedAt: meta.uploadedAt,
  };
}

/**
 * A ticket's attachments (附件): whoever may read the ticket may add, list and download them
 * (`ReadableTicketGuard`, before anything else — an upload's body is not read for a ticket
 * the person may not see). Uploads are recorded as changes, downloads as reads of personal
 * data, which fail closed (503) when the audit entry cannot be written.
 */
@ApiTags('tickets')
@ApiBearerAuth()
@ApiParam({ name: 'id', description: '工单号，如 T20261201-0001' })
@ApiNotFoundResponse({ description: '工单不存在（或附件不存在）' })
@ApiForbiddenResponse({ description: '无权查看该工单' })
@Controller('api/tickets/:id/attachments')
@UseGuards(ReadableTicketGuard)
export class AttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @Roles('agent', 'handler', 'supervisor', 'leader', 'admin')
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiOperation({
    summary: '上传工单附件（可查看该工单者）',
    description:
      'multipart/form-data，字段 `file`。允许 PDF、图片（JPEG/PNG/GIF/WebP/TIFF/BMP）、Word（.doc/.docx）、' +
      'MP3、WAV，按文件内容判断；超过 ATTACHMENT_MAX_BYTES（默认 20 MB）→ 413，其他类型 → 415。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachmentUploadForm })
  @ApiCreatedResponse({ type: AttachmentCreated })
  @ApiBadRequestResponse({ description: '没有文件、文件为空或表单有误' })
  @ApiPayloadTooLargeResponse({ description: '附件超过大小上限' })
  @ApiUnsupportedMediaTypeResponse({ description: '文件内容不是允许的类型' })
  async upload(
    @ReadableTicket() ticket: TicketLedgerDoc,
    @UploadedFile() file: UploadedAttachment | undefined,
    @CurrentUser() user: Principal,
    @Audited() by: AuditSource,
  ): Promise<AttachmentCreated> {
    const { meta, label } = await this.attachments.upload(ticket, user, file);
    await this.audit.changed(by, {
      action: 'ticket.attachment.upload',
      ticketId: ticket._id,
      target: meta.id,
      detail: `上传附件「${meta.name}」（${label}，${formatBytes(meta.size)}）`,
    });
    return { id: meta.id, name: meta.name, contentType: meta.contentType, size: meta.size };
  }

  @Get()
  @Roles('agent', 'handler', 'supervisor', 'leader', 'admin')
  @ApiOperation({ summary: '列出工单附件（按上传时间先后）' })
  @ApiOkResponse({ type: AttachmentList })
  async list(@ReadableTicket() ticket: TicketLedgerDoc): Promise<AttachmentList> {
    return { items: (await this.attachments.list(ticket)).map(view) };
  }

  @Get(':attachmentId')
  @Roles('agent', 'handler', 'supervisor', 'leader', 'admin')
  @ApiOperation({
    summary: '下载工单附件（记入审计日志）',
    description:
      'Content-Type 为按内容判断的类型；Content-Disposition: attachment，中文文件名按 RFC 5987 ' +
      "（filename*=UTF-8''…）。审计记录无法写入时 503，不返回文件。",
  })
  @ApiParam({ name: 'attachmentId', description: '附件编号（UUID）' })
  @ApiProduces(...DOWNLOAD_TYPES)
  @ApiOkResponse({ description: '附件内容', schema: { type: 'string', format: 'binary' } })
  @ApiServiceUnavailableResponse({ description: '审计记录暂时无法写入' })
  async download(
    @ReadableTicket() ticket: TicketLedgerDoc,
    @Param('attachmentId') attachmentId: string,
    @Audited() by: AuditSource,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { meta, stream } = await this.attachments.open(ticket, attachmentId);
    try {
      await this.audit.revealing(by, {
        action: 'ticket.attachment.download',
        ticketId: ticket._id,
        target: meta.id,
        detail: `下载附件「${meta.name}」（${formatBytes(meta.size)}）`,
      });
    } catch (error) {
      stream.destroy();
      throw error;
    }
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, {
      type: meta.contentType,
      disposition: attachmentDisposition(meta.name),
      length: meta.size,
    });
  }
}
