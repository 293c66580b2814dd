import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  ATTACHMENT_ID_PATTERN,
  type AttachmentMeta,
  AttachmentStore,
  type NewAttachment,
  TICKET_ID_PATTERN,
} from './attachment-store';

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
const META_FILE = /^([0-9a-f-]{36})\.json$/;

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Attachments in a folder (`ATTACHMENTS_DIR`): `<dir>/<ticketId>/<attachmentId>` holds the
 * bytes, `<dir>/<ticketId>/<attachmentId>.json` the metadata. Each is written to a hidden
 * temporary file (`.<attachmentId>….tmp`), flushed, and renamed into place — the bytes first,
 * the metadata last — so a listing (which reads the metadata files) never shows a
 * half-written attachment, whatever happens in between. Folders are 0700, files 0600.
 */
export class FolderAttachmentStore extends AttachmentStore {
  constructor(readonly dir: string) {
    super();
  }

  async put(ticketId: string, attachment: NewAttachment): Promise<AttachmentMeta> {
    const folder = this.ticketFolder(ticketId);
    if (!folder) throw new Error(`not a ticket id: ${JSON.stringify(ticketId)}`);
    await this.privateFolder(this.dir);
    await this.privateFolder(folder);
    const id = randomUUID();
    const meta: AttachmentMeta = {
      id,
      ticketId,
      name: attachment.name,
      contentType: attachment.contentType,
      size: attachment.bytes.length,
      uploadedBy: attachment.uploadedBy,
      uploadedAt: new Date().toISOString(),
    };
    const bytesPath = join(folder, id);
    try {
      await writeAtomically(bytesPath, attachment.bytes);
      await writeAtomically(`${bytesPath}.json`, Buffer.from(`${JSON.stringify(meta)}\n`));
    } catch (error) {
      await rm(bytesPath, { force: true }).catch(() => undefined);
      throw error;
    }
    return meta;
  }

  async list(ticketId: string): Promise<AttachmentMeta[]> {
    const folder = this.ticketFolder(ticketId);
    if (!folder) return [];
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    const ids = names
      .map((name) => META_FILE.exec(name)?.[1])
      .filter((id): id is string => !!id && ATTACHMENT_ID_PATTERN.test(id));
    const metas = await Promise.all(ids.map((id) => this.getMeta(ticketId, id)));
    return metas
      .filter((meta): meta is AttachmentMeta => meta !== null)
      .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id));
  }

  async getMeta(ticketId: string, attachmentId: string): Promise<AttachmentMeta | null> {
    const path = this.attachmentPath(ticketId, attachmentId);
    if (!path) return null;
    try {
      return JSON.parse(await readFile(`${path}.json`, 'utf8')) as AttachmentMeta;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async open(
    ticketId: string,
    attachmentId: string,
  ): Promise<{ meta: AttachmentMeta; stream: Readable } | null> {
    const meta = await this.getMeta(ticketId, attachmentId);
    if (!meta) return null;
    try {
      const handle = await open(this.attachmentPath(ticketId, attachmentId)!, 'r');
      return { meta, stream: handle.createReadStream() };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** `<dir>/<ticketId>` for a well-formed ticket id; null for anything else. */
  private ticketFolder(ticketId: string): string | null {
    return TICKET_ID_PATTERN.test(ticketId) ? join(this.dir, ticketId) : null;
  }

  /** `<dir>/<ticketId>/<attachmentId>` for well-formed ids; null for anything else. */
  private attachmentPath(ticketId: string, attachmentId: string): string | null {
    const folder = this.ticketFolder(ticketId);
    return folder && ATTACHMENT_ID_PATTERN.test(attachmentId) ? join(folder, attachmentId) : null;
  }

  /** Makes the folder (0700) if missing, and narrows one that exists to 0700. */
  private async privateFolder(path: string): Promise<void> {
    await mkdir(path, { recursive: true, mode: DIR_MODE });
    await chmod(path, DIR_MODE);
  }
}

/** Writes `data` beside `path` under a temporary name (0600), flushes it, then renames it. */
async function writeAtomically(path: string, data: Buffer): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx', FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.chmod(FILE_MODE);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
