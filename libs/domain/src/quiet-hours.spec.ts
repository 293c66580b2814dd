import { isQuietAt, parseQuietHours, smsSendableAt } from './quiet-hours';
import { formatShanghai } from './shanghai-time';

describe('quiet hours', () => {
  const quiet = parseQuietHours('22:00-07:00')!;

  it('parses', () => {
    expect(quiet).toEqual({ start: '22:00', end: '07:00' });
    expect(parseQuietHours('off')).toBeNull();
    expect(parseQuietHours('OFF')).toBeNull();
    expect(parseQuietHours('7:00-9:30')).toEqual({ start: '07:00', end: '09:30' });
    expect(parseQuietHours('22:00')).toBeUndefined();
    expect(parseQuietHours('22:00-22:00')).toBeUndefined();
    expect(parseQuietHours('25:00-07:00')).toBeUndefined();
  });

  it.each([
    ['2026-11-28T21:59:59+08:00', false],
    ['2026-11-28T22:00:00+08:00', true],
    ['2026-11-29T03:00:00+08:00', true],
    ['2026-11-29T06:59:59+08:00', true],
    ['2026-11-29T07:00:00+08:00', false],
    ['2026-11-28T14:00:00Z', true], // 22:00 in Shanghai
  ])('%s quiet: %s', (at, expected) => {
    expect(isQuietAt(quiet, at)).toBe(expected);
  });

  it('holds an SMS until the quiet hours end', () => {
    expect(formatShanghai(smsSendableAt(quiet, '2026-11-28T23:15:30+08:00'))).toBe(
      '2026-11-29T07:00:00+08:00',
    );
    expect(formatShanghai(smsSendableAt(quiet, '2026-11-29T06:00:00+08:00'))).toBe(
      '2026-11-29T07:00:00+08:00',
    );
    expect(formatShanghai(smsSendableAt(quiet, '2026-11-29T10:00:00+08:00'))).toBe(
      '2026-11-29T10:00:00+08:00',
    );
    expect(formatShanghai(smsSendableAt(null, '2026-11-29T03:00:00+08:00'))).toBe(
      '2026-11-29T03:00:00+08:00',
    );
  });

  it('handles a window that does not wrap midnight', () => {
    const lunch = parseQuietHours('12:00-14:30')!;
    expect(isQuietAt(lunch, '2026-11-28T12:30:00+08:00')).toBe(true);
    expect(isQuietAt(lunch, '2026-11-28T23:00:00+08:00')).toBe(false);
    expect(formatShanghai(smsSendableAt(lunch, '2026-11-28T12:30:00+08:00'))).toBe(
      '2026-11-28T14:30:00+08:00',
    );
  });
});
