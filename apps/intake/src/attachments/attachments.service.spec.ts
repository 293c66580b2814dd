import type { Principal } from '@court/auth';
import type { TicketLedgerDoc } from '@court/database';
import { HttpException } from '@nestjs/common';
import type { IntakeSettings } from '../intake-settings';
import type { TicketCommands } from '../tickets/ticket-commands.service';
import type { AttachmentMeta, AttachmentStore, NewAttachment } from './attachment-store';
import { tooLargeMessage } from './attachment-upload.interceptor';
import { AttachmentsService } from './attachments.service';

const ticket = { _id: 'T20261201-0001' } as TicketLedgerDoc;
const user: Principal = { id: 'agent01', name: '座席员', roles: ['agent'], departmentId: null };
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

function setUp() {
  const noteAttachment = jest.fn().mockResolvedValue(undefined);
  const put = jest.fn(
    async (ticketId: string, a: NewAttachment): Promise<AttachmentMeta> => ({
      id: '3f1c6a52-2d7e-4c3b-9a41-0d5e2b7c8f90',
      ticketId,
      name: a.name,
      contentType: a.contentType,
      size: a.bytes.length,
      uploadedBy: a.uploadedBy,
      uploadedAt: '2026-12-01T01:00:00.000Z',
    }),
  );
  const store = { put, open: jest.fn().mockResolvedValue(null) } as unknown as AttachmentStore;
  const tickets = { noteAttachment } as unknown as TicketCommands;
  const settings = { attachmentMaxBytes: 1024 } as IntakeSettings;
  return { service: new AttachmentsService(store, tickets, settings), put, noteAttachment };
}

async function status(promise: Promise<unknown>): Promise<[number, string]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpException)
      return [error.getStatus(), JSON.stringify(error.getResponse())];
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('AttachmentsService.upload', () => {
  it('stores an allowed file under the sniffed type, its base name, and notes it on the timeline', async () => {
    const { service, put, noteAttachment } = setUp();
    const stored = await service.upload(ticket, user, {
      originalname: 'C:\\材料\\起诉状.pdf',
      buffer: PDF,
      size: PDF.length,
    });
    expect(stored.label).toBe('PDF');
    expect(put).toHaveBeenCalledWith('T20261201-0001', {
      name: '起诉状.pdf',
      contentType: 'application/pdf',
      uploadedBy: 'agent01',
      bytes: PDF,
    });
    expect(noteAttachment).toHaveBeenCalledWith(ticket, user, {
      attachmentId: stored.meta.id,
      name: '起诉状.pdf',
    });
  });

  it('judges the type from the bytes: a .pdf name over text → 415, nothing stored', async () => {
    const { service, put } = setUp();
    const text = Buffer.from('just text');
    const [code, body] = await status(
      service.upload(ticket, user, { originalname: 'a.pdf', buffer: text, size: text.length }),
    );
    expect(code).toBe(415);
    expect(body).toContain('不支持的附件类型');
    expect(put).not.toHaveBeenCalled();
  });

  it('no file → 400 on file; empty → 400; over the limit → 413 in Chinese', async () => {
    const { service, put } = setUp();
    expect((await status(service.upload(ticket, user, undefined)))[0]).toBe(400);
    expect(
      await status(service.upload(ticket, user, { buffer: Buffer.alloc(0), size: 0 })),
    ).toEqual([400, expect.stringContaining('附件为空')]);
    const big = Buffer.concat([PDF, Buffer.alloc(2000)]);
    expect(await status(service.upload(ticket, user, { buffer: big, size: big.length }))).toEqual([
      413,
      expect.stringContaining('附件不能超过 1 KB'),
    ]);
    expect(put).not.toHaveBeenCalled();
  });

  it('an unknown attachment → 404', async () => {
    const { service } = setUp();
    expect((await status(service.open(ticket, 'nope')))[0]).toBe(404);
  });
});

describe('tooLargeMessage', () => {
  it('names the limit', () => {
    expect(tooLargeMessage(20 * 1024 * 1024)).toBe('附件不能超过 20 MB');
  });
});
