import { Module } from '@nestjs/common';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import { TicketsModule } from '../tickets/tickets.module';
import { AttachmentStore } from './attachment-store';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { FolderAttachmentStore } from './folder-attachment-store';
import { ReadableTicketGuard } from './readable-ticket.guard';

/** Ticket attachments (docs/intake.md, "Attachments"): files under `ATTACHMENTS_DIR`. */
@Module({
  imports: [TicketsModule],
  controllers: [AttachmentsController],
  providers: [
    {
      provide: AttachmentStore,
      inject: [INTAKE_SETTINGS],
      useFactory: (settings: IntakeSettings) => new FolderAttachmentStore(settings.attachmentsDir),
    },
    AttachmentsService,
    AttachmentUploadInterceptor,
    ReadableTicketGuard,
  ],
})
export class AttachmentsModule {}
