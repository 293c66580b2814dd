import {
  contentLength,
  expectedRows,
  ledgerFileName,
  percentOf,
  progressText,
  rowsDone,
  sizeText,
  XLSX_BYTES_PER_ROW,
} from './download-progress';

describe('download progress', () => {
  it('writes sizes', () => {
    expect(sizeText(12)).toBe('12 字节');
    expect(sizeText(840_000)).toBe('820 KB');
    expect(sizeText(1_572_864)).toBe('1.5 MB');
  });

  it('shows bytes only when the size is unknown', () => {
    expect(percentOf({ received: 2048, total: null })).toBeNull();
    expect(progressText({ received: 2048, total: null })).toBe('已接收 2 KB');
  });

  it('shows the percentage when Content-Length is known', () => {
    expect(progressText({ received: 1024 * 512, total: 1024 * 1024 })).toBe(
      '已接收 512 KB / 1.0 MB（50%）',
    );
    expect(percentOf({ received: 10, total: 5 })).toBe(100);
  });

  it('estimates the rows done from the bytes when the rows are known', () => {
    const progress = { received: 500 * XLSX_BYTES_PER_ROW, total: null, rows: 2000 };
    expect(rowsDone(progress)).toBe(500);
    expect(percentOf(progress)).toBe(25);
    expect(progressText(progress)).toBe('已导出约 500 / 2000 行（25%）');
  });

  it('never shows all the rows done before the download ends', () => {
    const progress = { received: 5000 * XLSX_BYTES_PER_ROW, total: null, rows: 2000 };
    expect(rowsDone(progress)).toBe(1999);
    expect(percentOf(progress)).toBe(99);
    expect(progressText(progress)).toBe('已导出约 1999 / 2000 行（99%）');
  });

  it('prefers Content-Length, and bytes alone without the rows', () => {
    expect(progressText({ received: 1024 * 512, total: 1024 * 1024, rows: 10 })).toBe(
      '已接收 512 KB / 1.0 MB（50%）',
    );
    expect(rowsDone({ received: 2048, total: null, rows: null })).toBeNull();
    expect(progressText({ received: 2048, total: null, rows: null })).toBe('已接收 2 KB');
  });

  it('reads X-Ledger-Rows', () => {
    expect(expectedRows('100000')).toBe(100_000);
    expect(expectedRows(null)).toBeNull();
    expect(expectedRows('0')).toBeNull();
    expect(expectedRows('1.5')).toBeNull();
    expect(expectedRows('many')).toBeNull();
  });

  it('reads Content-Length', () => {
    expect(contentLength('1234')).toBe(1234);
    expect(contentLength(null)).toBeNull();
    expect(contentLength('abc')).toBeNull();
    expect(contentLength('0')).toBeNull();
  });

  it('names the file in Chinese with the date or the range', () => {
    expect(ledgerFileName('2026-12-02')).toBe('台账-2026-12-02.xlsx');
    expect(ledgerFileName('2026-12-02', { from: '2026-11-01', to: '2026-11-30' })).toBe(
      '台账-2026-11-01至2026-11-30.xlsx',
    );
    expect(ledgerFileName('2026-12-02', { from: '2026-11-01' })).toBe(
      '台账-2026-11-01至2026-12-02.xlsx',
    );
    expect(ledgerFileName('2026-12-02', { to: '2026-11-30' })).toBe('台账-起至2026-11-30.xlsx');
  });
});
