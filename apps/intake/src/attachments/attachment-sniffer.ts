// Hand-written: `file-type` is ESM-only since v17 and ts-jest here compiles to CommonJS.

/** A type an attachment may have, as judged from its bytes. */
export interface SniffedType {
  /** The MIME type the download is served with. */
  contentType: string;
  /** Short Chinese-facing label, for the timeline and the audit detail (PDF, PNG, Word …). */
  label: string;
}

export const ALLOWED_TYPE_LABELS = 'PDF、图片（JPEG/PNG/GIF/WebP/TIFF/BMP）、Word、MP3、WAV';

const PDF: SniffedType = { contentType: 'application/pdf', label: 'PDF' };
const JPEG: SniffedType = { contentType: 'image/jpeg', label: 'JPEG' };
const PNG: SniffedType = { contentType: 'image/png', label: 'PNG' };
const GIF: SniffedType = { contentType: 'image/gif', label: 'GIF' };
const WEBP: SniffedType = { contentType: 'image/webp', label: 'WebP' };
const TIFF: SniffedType = { contentType: 'image/tiff', label: 'TIFF' };
const BMP: SniffedType = { contentType: 'image/bmp', label: 'BMP' };
const DOC: SniffedType = { contentType: 'application/msword', label: 'Word' };
const DOCX: SniffedType = {
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  label: 'Word',
};
const MP3: SniffedType = { contentType: 'audio/mpeg', label: 'MP3' };
const WAV: SniffedType = { contentType: 'audio/wav', label: 'WAV' };

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
  );
}

function indexOf(bytes: Uint8Array, needle: readonly number[], from = 0): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(
    Buffer.from(needle),
    from,
  );
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The directory entry of a Word 97–2003 document's main stream, UTF-16LE. */
const WORD_DOCUMENT_STREAM = [...'WordDocument'].flatMap((c) => [c.charCodeAt(0), 0]);

/**
 * OLE2 compound file (D0 CF 11 E0 …) holding a `WordDocument` stream: a .doc. Other compound
 * files (.xls, .ppt, .msi installers) share the header and are not Word documents.
 */
function isWordDoc(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE2) && indexOf(bytes, WORD_DOCUMENT_STREAM, 512) >= 0;
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const WORD_DIR = ascii('word/');

/**
 * A ZIP (PK 03 04) with an entry under `word/`: a .docx. Entry names are read where the ZIP
 * format puts them, in local headers (name at +30) and central directory headers (name at
 * +46), so a name merely mentioned in some file's contents does not count.
 */
function isDocx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ZIP_LOCAL)) return false;
  const entryUnderWord = (signature: readonly number[], lengthAt: number, nameAt: number) => {
    for (let at = indexOf(bytes, signature); at >= 0; at = indexOf(bytes, signature, at + 4)) {
      if (at + nameAt > bytes.length) return false;
      const length = u16(bytes, at + lengthAt);
      if (length >= WORD_DIR.length && startsWith(bytes, WORD_DIR, at + nameAt)) return true;
    }
    return false;
  };
  return entryUnderWord(ZIP_CENTRAL, 28, 46) || entryUnderWord(ZIP_LOCAL, 26, 30);
}

/** Kilobits per second by bitrate index, MPEG-1 and MPEG-2/2.5 Layer III. */
const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
/** Hz by sample-rate index, MPEG-1. MPEG-2 halves and MPEG-2.5 quarters them. */
const SAMPLE_RATES_V1 = [44100, 48000, 32000];

/**
 * The length of the MPEG audio Layer III frame whose header is at `at` (sync 11 bits set,
 * version not reserved, layer III, a real bitrate and sample rate), or null if it is none.
 */
function mp3FrameLength(bytes: Uint8Array, at: number): number | null {
  if (bytes.length < at + 4) return null;
  const [b0, b1, b2] = [bytes[at]!, bytes[at + 1]!, bytes[at + 2]!];
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 0b11; // 00 MPEG-2.5, 01 reserved, 10 MPEG-2, 11 MPEG-1
  const layer = (b1 >> 1) & 0b11; // 01 Layer III
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 0b11;
  if (version === 0b01 || layer !== 0b01 || bitrateIndex === 0 || bitrateIndex === 15) return null;
  if (rateIndex === 3) return null;
  const mpeg1 = version === 0b11;
  const bitrate = (mpeg1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex]! * 1000;
  const sampleRate = SAMPLE_RATES_V1[rateIndex]! / (mpeg1 ? 1 : version === 0b10 ? 2 : 4);
  const padding = (b2 >> 1) & 1;
  return Math.floor(((mpeg1 ? 144 : 72) * bitrate) / sampleRate) + padding;
}

/**
 * MP3 without an ID3 tag: an MPEG audio Layer III frame header at the start, and — when the
 * data goes on past that frame — another one right after it (random bytes starting FF Fx
 * rarely pass both).
 */
function isMpegAudio(bytes: Uint8Array): boolean {
  const length = mp3FrameLength(bytes, 0);
  if (length === null) return false;
  if (bytes.length <= length + 4) return true;
  return mp3FrameLength(bytes, length) !== null;
}

/** An ID3v2 tag ("ID3", version 2–4, a sync-safe size): the usual start of an MP3 file. */
function isId3(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii('ID3')) || bytes.length < 10) return false;
  const version = bytes[3]!;
  if (version < 2 || version > 4 || bytes[4] === 0xff) return false;
  return [6, 7, 8, 9].every((i) => bytes[i]! < 0x80);
}

/** BMP ("BM"): one of the known DIB header sizes at offset 14. */
function isBmp(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii('BM')) || bytes.length < 26) return false;
  return [12, 40, 52, 56, 64, 108, 124].includes(u32(bytes, 14));
}

/**
 * The attachment's type from its first bytes (and, for Word, its structure), whatever its
 * name or the content type the client sent say; null when it is not one the court accepts:
 * PDF; JPEG, PNG, GIF, WebP, TIFF, BMP images; Word .doc and .docx; MP3; WAV.
 */
export function sniffAttachmentType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return PDF;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return GIF;
  if (startsWith(bytes, ascii('RIFF'))) {
    if (startsWith(bytes, ascii('WEBP'), 8)) return WEBP;
    if (startsWith(bytes, ascii('WAVE'), 8)) return WAV;
    return null;
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return TIFF;
  }
  if (isBmp(bytes)) return BMP;
  if (isWordDoc(bytes)) return DOC;
  if (isDocx(bytes)) return DOCX;
  if (isId3(bytes) || isMpegAudio(bytes)) return MP3;
  return null;
}
