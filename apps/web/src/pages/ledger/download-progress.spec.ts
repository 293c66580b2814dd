import {
  contentLength,
  ledgerFileName,
  percentOf,
  progressText,
  sizeText,
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
