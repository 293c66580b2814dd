import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FolderAttachmentStore } from './folder-attachment-store';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('FolderAttachmentStore', () => {
  let root: string;
  let dir: string;
  let store: FolderAttachmentStore;
  const ticket = 'T20261201-0001';
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'attachments-'));
    dir = join(root, 'attachments');
    store = new FolderAttachmentStore(dir);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const put = (name = '起诉状.pdf', bytes = pdf, ticketId = ticket) =>
    store.put(ticketId, { name, contentType: 'application/pdf', uploadedBy: 'agent01', bytes });

  it('stores the bytes and the metadata as <dir>/<ticketId>/<id>(.json), private', async () => {
    const meta = await put();
    expect(meta).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-/),
      ticketId: ticket,
      name: '起诉状.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      uploadedBy: 'agent01',
      uploadedAt: expect.any(String),
    });
    expect(readdirSync(join(dir, ticket)).sort()).toEqual([meta.id, `${meta.id}.json`]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, ticket)).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, ticket, meta.id)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, ticket, `${meta.id}.json`)).mode & 0o777).toBe(0o600);

    expect(await store.getMeta(ticket, meta.id)).toEqual(meta);
    const opened = await store.open(ticket, meta.id);
    expect(opened?.meta).toEqual(meta);
    expect(await readAll(opened!.stream)).toEqual(pdf);
  });

  it('lists a ticket’s attachments oldest first; none → empty', async () => {
    expect(await store.list(ticket)).toEqual([]);
    const first = await put('a.pdf');
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later uploadedAt
    const second = await put('b.pdf');
    await put('other.pdf', pdf, 'T20261201-0002');
    expect((await store.list(ticket)).map((m) => m.id)).toEqual([first.id, second.id]);
  });

  it('never lists a half-written attachment (temporary files, bytes without metadata)', async () => {
    const meta = await put();
    const folder = join(dir, ticket);
    writeFileSync(join(folder, `.${meta.id}.json.0000.tmp`), '{');
    writeFileSync(join(folder, '3f1c6a52-2d7e-4c3b-9a41-0d5e2b7c8f90'), pdf);
    expect((await store.list(ticket)).map((m) => m.id)).toEqual([meta.id]);
  });

  it('builds no path from a malformed id: put refuses, readers find nothing', async () => {
    const meta = await put();
    for (const bad of ['../T20261201-0001', 'T20261201-0001/..', '..', '', 'x']) {
      await expect(put('a.pdf', pdf, bad)).rejects.toThrow(/not a ticket id/);
      expect(await store.list(bad)).toEqual([]);
      expect(await store.getMeta(bad, meta.id)).toBeNull();
    }
    for (const bad of [`../${ticket}/${meta.id}`, `${meta.id}.json`, meta.id.toUpperCase(), '']) {
      expect(await store.getMeta(ticket, bad)).toBeNull();
      expect(await store.open(ticket, bad)).toBeNull();
    }
    expect(await store.open(ticket, '3f1c6a52-2d7e-4c3b-9a41-0d5e2b7c8f90')).toBeNull();
    expect(await store.open('T20261201-0009', meta.id)).toBeNull();
  });

  it('narrows an existing folder to 0700', async () => {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
    await put();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
