import { sniffAttachmentType } from './attachment-sniffer';

const bytes = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(
    parts.map((p) =>
      typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.isBuffer(p) ? p : Buffer.from(p),
    ),
  );

const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

/** A stored (uncompressed) ZIP of the given entries; CRCs are not checked by the sniffer. */
function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const n = Buffer.from(name);
    const local = bytes(
      [0x50, 0x4b, 0x03, 0x04, ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0)],
      [...u32(0), ...u32(data.length), ...u32(data.length), ...u16(n.length), ...u16(0)],
      n,
      data,
    );
    centrals.push(
      bytes(
        [0x50, 0x4b, 0x01, 0x02, ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0)],
        [...u16(0), ...u32(0), ...u32(data.length), ...u32(data.length), ...u16(n.length)],
        [...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset)],
        n,
      ),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const count = centrals.length;
  return bytes(
    ...locals,
    directory,
    [0x50, 0x4b, 0x05, 0x06, ...u16(0), ...u16(0), ...u16(count), ...u16(count)],
    [...u32(directory.length), ...u32(offset), ...u16(0)],
  );
}

/** An OLE2 compound file whose directory names `stream` (UTF-16LE), past the 512-byte header. */
function ole2With(stream: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entry = Buffer.alloc(128);
  Buffer.from(stream, 'utf16le').copy(entry);
  return Buffer.concat([header, Buffer.alloc(512), entry]);
}

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames. */
function mp3Frames(count: number): Buffer {
  const frame = Buffer.alloc(417);
  Buffer.from([0xff, 0xfb, 0x90, 0x00]).copy(frame);
  return Buffer.concat(Array.from({ length: count }, () => frame));
}

function wav(): Buffer {
  const samples = Buffer.alloc(800);
  return bytes(
    'RIFF',
    u32(36 + samples.length),
    'WAVEfmt ',
    [...u32(16), ...u16(1), ...u16(1), ...u32(8000), ...u32(16000), ...u16(2), ...u16(16)],
    'data',
    u32(samples.length),
    samples,
  );
}

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const ALLOWED: [string, Buffer, string][] = [
  ['PDF', bytes('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), 'application/pdf'],
  ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0]), 'image/jpeg'],
  ['PNG', PNG_1x1, 'image/png'],
  ['GIF87a', bytes('GIF87a', [1, 0, 1, 0, 0, 0, 0]), 'image/gif'],
  ['GIF89a', bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0]), 'image/gif'],
  ['WebP', bytes('RIFF', u32(20), 'WEBPVP8 ', u32(8), Buffer.alloc(8)), 'image/webp'],
  ['TIFF little-endian', bytes('II', [0x2a, 0, 8, 0, 0, 0]), 'image/tiff'],
  ['TIFF big-endian', bytes('MM', [0, 0x2a, 0, 0, 0, 8]), 'image/tiff'],
  ['BMP', bytes('BM', u32(58), u32(0), u32(54), u32(40), Buffer.alloc(40)), 'image/bmp'],
  ['Word .doc', ole2With('WordDocument'), 'application/msword'],
  [
    'Word .docx',
    zipOf({
      '[Content_Types].xml': '<Types/>',
      '_rels/.rels': '<Relationships/>',
      'word/document.xml': '<w:document/>',
    }),
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  ['MP3 with an ID3v2 tag', bytes('ID3', [4, 0, 0, 0, 0, 0, 0], mp3Frames(1)), 'audio/mpeg'],
  ['MP3 frames', mp3Frames(3), 'audio/mpeg'],
  ['MP3 single frame', mp3Frames(1), 'audio/mpeg'],
  ['WAV', wav(), 'audio/wav'],
];

const REFUSED: [string, Buffer][] = [
  ['empty', Buffer.alloc(0)],
  ['plain text', bytes('这是一个文本文件，不是 PDF')],
  ['Windows EXE', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], Buffer.alloc(64))],
  ['ELF', bytes([0x7f], 'ELF', [2, 1, 1, 0], Buffer.alloc(16))],
  ['HTML', bytes('<!doctype html><script>alert(1)</script>')],
  ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
  ['PDF header later in the file', bytes('hello\n%PDF-1.4\n')],
  ['ZIP without word/', zipOf({ 'xl/workbook.xml': '<workbook/>' })],
  ['ZIP mentioning word/ only in content', zipOf({ 'notes.txt': 'see word/document.xml' })],
  ['OLE2 that is not Word (Excel)', ole2With('Workbook')],
  ['RIFF AVI', bytes('RIFF', u32(4), 'AVI LIST')],
  ['"BM" text', bytes('BM is not a bitmap, just text that starts with BM')],
  ['"ID3" text', bytes('ID3 tags are metadata')],
  ['AAC ADTS (FF F1)', bytes([0xff, 0xf1, 0x50, 0x80], Buffer.alloc(100))],
  ['FF FB without a second frame', bytes([0xff, 0xfb, 0x90, 0x00], Buffer.alloc(500))],
  ['MPEG reserved bitrate', bytes([0xff, 0xfb, 0xf0, 0x00], Buffer.alloc(10))],
];

describe('sniffAttachmentType', () => {
  it.each(ALLOWED.map(([name, data, contentType]) => ({ name, data, contentType })))(
    '$name → $contentType',
    ({ data, contentType }) => {
      expect(sniffAttachmentType(data)?.contentType).toBe(contentType);
    },
  );

  it.each(REFUSED.map(([name, data]) => ({ name, data })))('$name → not allowed', ({ data }) => {
    expect(sniffAttachmentType(data)).toBeNull();
  });
});
