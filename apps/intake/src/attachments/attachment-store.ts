import type { Readable } from 'node:stream';

/** What is known of one stored attachment (the `<attachmentId>.json` beside its bytes). */
export interface AttachmentMeta {
  /** A random UUID (crypto.randomUUID). */
  id: string;
  ticketId: string;
  /** The file name as uploaded (base name, control characters removed). */
  name: string;
  /** The type sniffed from the bytes, never the client's claim. */
  contentType: string;
  /** Bytes. */
  size: number;
  /** The account that uploaded it. */
  uploadedBy: string;
  /** ISO instant. */
  uploadedAt: string;
}

export interface NewAttachment {
  name: string;
  contentType: string;
  uploadedBy: string;
  bytes: Buffer;
}

/** Ticket ids as the tickets service issues them (checked again before any path is built). */
export const TICKET_ID_PATTERN = /^T\d{8}-\d{4,}$/;
/** Attachment ids as `randomUUID()` makes them (lower-case v4 UUIDs). */
export const ATTACHMENT_ID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Where ticket attachments live (port). An id that is not a well-formed ticket or attachment
 * id is never turned into a path: it is refused by `put` and not found by the readers.
 */
export abstract class AttachmentStore {
  /** Stores the bytes and their metadata; listed only once both are complete. */
  abstract put(ticketId: string, attachment: NewAttachment): Promise<AttachmentMeta>;
  /** A ticket's attachments, oldest first (none: empty). */
  abstract list(ticketId: string): Promise<AttachmentMeta[]>;
  /** One attachment's metadata, or null when the ticket has no such attachment. */
  abstract getMeta(ticketId: string, attachmentId: string): Promise<AttachmentMeta | null>;
  /** The metadata and a stream of the bytes, or null when the ticket has no such attachment. */
  abstract open(
    ticketId: string,
    attachmentId: string,
  ): Promise<{ meta: AttachmentMeta; stream: Readable } | null>;
}
