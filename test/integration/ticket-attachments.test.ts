import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { AuditTrail } from '../../libs/database/src';
import { filingComplaint, IntakeTestApp } from '../support/intake-app';

/** Reads any response body as bytes (supertest would parse or drop most types). */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

const u16 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

/** A small but real PDF (one empty page). */
const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
);

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** 0.1 s of 8 kHz 16-bit mono silence. */
function wav(): Buffer {
  const samples = Buffer.alloc(1600);
  return Buffer.concat([
    Buffer.from('RIFF'),
    u32(36 + samples.length),
    Buffer.from('WAVEfmt '),
    u32(16),
    u16(1),
    u16(1),
    u32(8000),
    u32(16000),
    u16(2),
    u16(16),
    Buffer.from('data'),
    u32(samples.length),
    samples,
  ]);
}
const WAV = wav();

const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0]), Buffer.alloc(200)]);
const TEXT = Buffer.from('这不是 PDF，只是一段文字。\n');
const MAX_BYTES = 64 * 1024;

describe('ticket attachments (POST/GET /api/tickets/:id/attachments)', () => {
  const t = new IntakeTestApp();
  let dir: string;
  let ticketId: string;
  const uploaded: { id: string; name: string; bytes: Buffer; contentType: string }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ticket-attachments-'));
    process.env.ATTACHMENTS_DIR = dir;
    process.env.ATTACHMENT_MAX_BYTES = String(MAX_BYTES);
    await t.start();
    const created = await (await t.as('agent01'))
      .post('/api/tickets')
      .send(filingComplaint({ type: 'petition', complaint: null, content: '信访事项，附材料' }));
    expect(created.status).toBe(201);
    expect(created.body.disposition).toMatchObject({
      action: 'transfer',
      target: { id: 'head-petition' },
    });
    ticketId = created.body.id;
  });

  afterAll(async () => {
    await t.stop();
    delete process.env.ATTACHMENTS_DIR;
    delete process.env.ATTACHMENT_MAX_BYTES;
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (
    user: string,
    bytes: Buffer,
    filename: string,
    contentType = 'application/octet-stream',
    id = ticketId,
  ) =>
    (await t.as(user))
      .post(`/api/tickets/${id}/attachments`)
      .attach('file', bytes, { filename, contentType });
  const list = async (user: string, id = ticketId) =>
    (await t.as(user)).get(`/api/tickets/${id}/attachments`);
  const download = async (user: string, attachmentId: string, id = ticketId) =>
    (await t.as(user))
      .get(`/api/tickets/${id}/attachments/${attachmentId}`)
      .buffer(true)
      .parse(binary);
  const storedFiles = () => readdirSync(join(dir, ticketId)).sort();

  it('stores a PDF, a PNG and a WAV, typed from their bytes: 201 { id, name, contentType, size }', async () => {
    const files = [
      { user: 'head-petition', name: '信访材料（一）.pdf', bytes: PDF, type: 'application/pdf' },
      { user: 'agent01', name: 'photo.png', bytes: PNG, type: 'image/png' },
      { user: 'agent01', name: '通话录音.wav', bytes: WAV, type: 'audio/wav' },
    ];
    for (const file of files) {
      const r = await upload(file.user, file.bytes, file.name);
      expect([file.name, r.status, r.body]).toEqual([
        file.name,
        201,
        {
          id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-/),
          name: file.name,
          contentType: file.type,
          size: file.bytes.length,
        },
      ]);
      uploaded.push({ id: r.body.id, name: file.name, bytes: file.bytes, contentType: file.type });
    }
  });

  it('notes each upload on the ticket’s timeline', async () => {
    const r = await (await t.as('head-petition')).get(`/api/tickets/${ticketId}`);
    expect(r.status).toBe(200);
    const notes = (r.body.timeline as { kind: string; actor: string; note: string | null }[])
      .filter((e) => e.kind === 'attachment')
      .map((e) => [e.actor, e.note]);
    expect(notes).toEqual([
      ['head-petition', '信访材料（一）.pdf'],
      ['agent01', 'photo.png'],
      ['agent01', '通话录音.wav'],
    ]);
  });

  it('lists them oldest first with who uploaded them and when', async () => {
    const r = await list('head-petition');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      items: uploaded.map((u, i) => ({
        id: u.id,
        name: u.name,
        contentType: u.contentType,
        size: u.bytes.length,
        uploadedBy: i === 0 ? 'head-petition' : 'agent01',
        uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      })),
    });
  });

  it('downloads the same bytes with the sniffed type and the name (RFC 5987 for Chinese)', async () => {
    for (const u of uploaded) {
      const r = await download('head-petition', u.id);
      expect(r.status).toBe(200);
      expect(Buffer.compare(r.body as Buffer, u.bytes)).toBe(0);
      expect(r.headers['content-type']).toBe(u.contentType);
      expect(r.headers['content-length']).toBe(String(u.bytes.length));
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['cache-control']).toBe('private, no-store');
      const disposition = r.headers['content-disposition'] as string;
      expect(disposition.startsWith('attachment;')).toBe(true);
      if (/^[\x20-\x7e]+$/.test(u.name)) {
        expect(disposition).toBe(`attachment; filename="${u.name}"`);
      } else {
        const encoded = /filename\*=UTF-8''([^;]+)$/.exec(disposition)?.[1];
        expect(encoded && decodeURIComponent(encoded)).toBe(u.name);
      }
    }
  });

  it('keeps the files private under ATTACHMENTS_DIR/<ticketId>/', () => {
    expect(storedFiles()).toEqual(uploaded.flatMap((u) => [u.id, `${u.id}.json`]).sort());
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, ticketId)).mode & 0o777).toBe(0o700);
    for (const name of storedFiles()) {
      expect([name, statSync(join(dir, ticketId, name)).mode & 0o777]).toEqual([name, 0o600]);
    }
  });

  it('judges the type from the bytes: a .pdf of EXE or text bytes → 415, nothing stored', async () => {
    const before = storedFiles();
    for (const [name, bytes] of [
      ['起诉状.pdf', EXE],
      ['notes.pdf', TEXT],
    ] as const) {
      const r = await upload('agent01', bytes, name, 'application/pdf');
      expect(r.status).toBe(415);
      expect(r.body).toEqual({
        statusCode: 415,
        message: expect.stringContaining('不支持的附件类型'),
      });
    }
    expect(storedFiles()).toEqual(before);
    expect((await list('agent01')).body.items).toHaveLength(uploaded.length);
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES with 413 in Chinese, nothing stored', async () => {
    const before = storedFiles();
    for (const size of [MAX_BYTES + 1, MAX_BYTES * 8]) {
      const big = Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]);
      const r = await upload('agent01', big, 'big.pdf', 'application/pdf');
      expect(r.status).toBe(413);
      expect(r.body).toEqual({ statusCode: 413, message: '附件不能超过 64 KB' });
    }
    const exact = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES - PDF.length, 0x20)]);
    const ok = await upload('agent01', exact, 'exactly-the-limit.pdf');
    expect(ok.status).toBe(201);
    uploaded.push({
      id: ok.body.id,
      name: ok.body.name,
      bytes: exact,
      contentType: 'application/pdf',
    });
    expect(storedFiles()).toEqual([...before, ok.body.id, `${ok.body.id}.json`].sort());
  });

  it('no file or another field → 400 on file, in Chinese', async () => {
    const none = await (await t.as('agent01'))
      .post(`/api/tickets/${ticketId}/attachments`)
      .field('note', 'x');
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('附件') }]);
    const other = await (await t.as('agent01'))
      .post(`/api/tickets/${ticketId}/attachments`)
      .attach('upload', PDF, 'a.pdf');
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([
      { field: 'file', message: expect.stringContaining('file') },
    ]);
  });

  it('a handler of another department → 403 on upload, list and download; nothing stored', async () => {
    const before = storedFiles();
    for (const user of ['head-filing', 'judge01']) {
      const up = await upload(user, PDF, 'x.pdf');
      expect([user, up.status]).toEqual([user, 403]);
      expect(up.body.message).toMatch(/无权查看该工单/);
      expect((await list(user)).status).toBe(403);
      expect((await download(user, uploaded[0]!.id)).status).toBe(403);
    }
    expect(storedFiles()).toEqual(before);
  });

  it('agents, supervisors and admins may list and download', async () => {
    for (const user of ['agent01', 'supervisor01', 'admin']) {
      expect([user, (await list(user)).body.items.length]).toEqual([user, uploaded.length]);
      const r = await download(user, uploaded[1]!.id);
      expect([user, r.status]).toEqual([user, 200]);
      expect(Buffer.compare(r.body as Buffer, PNG)).toBe(0);
    }
  });

  it('an unknown attachment or ticket → 404 in Chinese', async () => {
    const unknown = await download('agent01', randomUUID());
    expect(unknown.status).toBe(404);
    expect(JSON.parse((unknown.body as Buffer).toString('utf8'))).toEqual({
      statusCode: 404,
      message: expect.stringContaining('没有该附件'),
    });
    expect((await download('agent01', '..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await download('agent01', `${uploaded[0]!.id}.json`)).status).toBe(404);
    // another ticket's attachment is not this ticket's
    const other = await (await t.as('agent01'))
      .post('/api/tickets')
      .send(filingComplaint({ type: 'petition', complaint: null }));
    expect((await download('agent01', uploaded[0]!.id, other.body.id)).status).toBe(404);
    expect((await list('agent01', other.body.id)).body).toEqual({ items: [] });
    const noTicket = await upload('agent01', PDF, 'a.pdf', 'application/pdf', 'T20990101-9999');
    expect(noTicket.status).toBe(404);
    expect(noTicket.body.message).toMatch(/未找到工单/);
    expect((await list('agent01', '..%2F..')).status).toBe(404);
  });

  it('records uploads and every download in the audit trail', async () => {
    const r = await (await t.as('admin')).get(`/api/audit?ticketId=${ticketId}&limit=100`);
    expect(r.status).toBe(200);
    const entries = r.body.items as { actor: string; action: string; target: string }[];
    const downloads = entries.filter((e) => e.action === 'ticket.attachment.download');
    expect(downloads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'head-petition', target: uploaded[0]!.id, ticketId }),
        expect.objectContaining({ actor: 'supervisor01', target: uploaded[1]!.id, ticketId }),
      ]),
    );
    // one per successful download: 3 by head-petition, 3 by agent01/supervisor01/admin
    expect(downloads).toHaveLength(6);
    const uploads = entries.filter((e) => e.action === 'ticket.attachment.upload');
    expect(uploads.map((e) => e.target).sort()).toEqual(uploaded.map((u) => u.id).sort());
    expect(uploads.find((e) => e.target === uploaded[0]!.id)).toMatchObject({
      actor: 'head-petition',
      detail: expect.stringContaining('信访材料（一）.pdf'),
    });
  });

  it('fails closed: no download when its audit entry cannot be written (503)', async () => {
    const trail = t.app.get(AuditTrail);
    const append = jest.spyOn(trail.store, 'append').mockRejectedValueOnce(new Error('db down'));
    try {
      const r = await download('agent01', uploaded[0]!.id);
      expect(r.status).toBe(503);
      expect(JSON.parse((r.body as Buffer).toString('utf8'))).toEqual({
        statusCode: 503,
        message: expect.stringContaining('审计记录暂时无法写入'),
      });
      expect(r.headers['content-disposition']).toBeUndefined();
    } finally {
      append.mockRestore();
    }
  });

  it('is in the OpenAPI document', async () => {
    const r = await t.http().get('/api/docs-json');
    const post = r.body.paths['/api/tickets/{id}/attachments'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['201', '403', '404', '413', '415']),
    );
    expect(r.body.paths['/api/tickets/{id}/attachments'].get).toBeDefined();
    expect(r.body.paths['/api/tickets/{id}/attachments/{attachmentId}'].get).toBeDefined();
    expect(r.body.components.schemas.AttachmentView.required).toEqual(
      expect.arrayContaining(['id', 'name', 'contentType', 'size', 'uploadedBy', 'uploadedAt']),
    );
  });
});
