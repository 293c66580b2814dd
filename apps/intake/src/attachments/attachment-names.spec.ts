import { attachmentDisposition, cleanAttachmentName, formatBytes } from './attachment-names';

describe('cleanAttachmentName', () => {
  it.each([
    ['起诉状.pdf', '起诉状.pdf'],
    ['  scan 01.png ', 'scan 01.png'],
    ['C:\\材料\\起诉状.pdf', '起诉状.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['a/b/录音.wav', '录音.wav'],
    ['bad\u0000name\r\n.pdf', 'badname.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['', '附件'],
    ['..', '附件'],
    [undefined, '附件'],
    ['e\u0301.pdf', 'é.pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanAttachmentName(raw)).toBe(expected);
  });

  it('shortens a long name to 200 characters, keeping the extension', () => {
    const name = cleanAttachmentName(`${'长'.repeat(300)}.docx`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('长.docx')).toBe(true);
    expect([...cleanAttachmentName('x'.repeat(300))]).toHaveLength(200);
  });
});

describe('attachmentDisposition', () => {
  it('plain ASCII names as they are', () => {
    expect(attachmentDisposition('scan-01.png')).toBe('attachment; filename="scan-01.png"');
  });

  it('Chinese names as RFC 5987 filename* with an ASCII stand-in', () => {
    expect(attachmentDisposition('起诉状 (1).pdf')).toBe(
      `attachment; filename="___ (1).pdf"; filename*=UTF-8''%E8%B5%B7%E8%AF%89%E7%8A%B6%20%281%29.pdf`,
    );
    const value = attachmentDisposition('录音.wav');
    const encoded = /filename\*=UTF-8''(.+)$/.exec(value)![1]!;
    expect(decodeURIComponent(encoded)).toBe('录音.wav');
  });

  it('never lets a quote, backslash or line break out of the quoted name', () => {
    const value = attachmentDisposition('a"b\\c%41.pdf');
    expect(value).toBe(`attachment; filename="a_b_c_41.pdf"; filename*=UTF-8''a%22b%5Cc%2541.pdf`);
    expect(attachmentDisposition('x\r\ny.pdf')).not.toMatch(/[\r\n]/);
  });
});

describe('formatBytes', () => {
  it.each([
    [20 * 1024 * 1024, '20 MB'],
    [1536 * 1024, '1.5 MB'],
    [65536, '64 KB'],
    [1000, '1000 字节'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
