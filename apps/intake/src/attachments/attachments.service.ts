import type { Readable } from 'node:stream';
import type { Principal } from '@court/auth';
import type { TicketLedgerDoc } from '@court/database';
import {
  Inject,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import { TicketCommands } from '../tickets/ticket-commands.service';
import { cleanAttachmentName } from './attachment-names';
import { ALLOWED_TYPE_LABELS, sniffAttachmentType } from './attachment-sniffer';
import { type AttachmentMeta, AttachmentStore } from './attachment-store';
import { tooLargeMessage, uploadFormProblem } from './attachment-upload.interceptor';

/** What multer hands over for the `file` field (memory storage). */
export interface UploadedAttachment {
  originalname?: string;
  buffer?: Buffer;
  size?: number;
}

export interface StoredAttachment {
  meta: AttachmentMeta;
  /** The label of the sniffed type (PDF, PNG, Word …). */
  label: string;
}

/**
 * Ticket attachments. Every method takes the ticket as `TicketAccess.readableTicket`
 * returned it (the controller's `ReadableTicketGuard`), so none runs for a ticket the person
 * may not read.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly store: AttachmentStore,
    private readonly ticketCommands: TicketCommands,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  /**
   * Stores an upload whose bytes are an allowed type (415 otherwise, whatever its name or
   * declared type), then notes it on the ticket's timeline. Nothing is stored when refused.
   */
  async upload(
    ticket: TicketLedgerDoc,
    user: Principal,
    file: UploadedAttachment | undefined,
  ): Promise<StoredAttachment> {
    if (!file?.buffer) throw uploadFormProblem('请选择要上传的附件（表单字段 file）');
    const bytes = file.buffer;
    if (bytes.length === 0) throw uploadFormProblem('附件为空');
    if (bytes.length > this.settings.attachmentMaxBytes) {
      // multer stops at the limit already; this holds should it ever be configured otherwise
      throw new PayloadTooLargeException(tooLargeMessage(this.settings.attachmentMaxBytes));
    }
    const type = sniffAttachmentType(bytes);
    if (!type) {
      throw new UnsupportedMediaTypeException(
        `不支持的附件类型：仅可上传 ${ALLOWED_TYPE_LABELS}（按文件内容判断，与文件名无关）`,
      );
    }
    const meta = await this.store.put(ticket._id, {
      name: cleanAttachmentName(file.originalname),
      contentType: type.contentType,
      uploadedBy: user.id,
      bytes,
    });
    // Never fails: the attachment is stored whether or not the timeline entry is.
    await this.ticketCommands.noteAttachment(ticket, user, {
      attachmentId: meta.id,
      name: meta.name,
    });
    return { meta, label: type.label };
  }

  list(ticket: TicketLedgerDoc): Promise<AttachmentMeta[]> {
    return this.store.list(ticket._id);
  }

  /** The attachment's metadata and bytes; 404 when the ticket has no such attachment. */
  async open(
    ticket: TicketLedgerDoc,
    attachmentId: string,
  ): Promise<{ meta: AttachmentMeta; stream: Readable }> {
    const found = await this.store.open(ticket._id, attachmentId);
    if (!found) throw new NotFoundException(`工单 ${ticket._id} 没有该附件`);
    return found;
  }
}
