import { durationToMs, formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['90s', 90, 's'],
    ['30m', 30, 'm'],
    ['2h', 2, 'h'],
    ['3d', 3, 'd'],
    ['1wd', 1, 'wd'],
    [' 2H ', 2, 'h'],
    ['10 wd', 10, 'wd'],
  ])('%j → %d %s', (text, amount, unit) => {
    expect(parseDuration(text)).toEqual({ amount, unit, text: `${amount}${unit}` });
  });

  it.each(['', '2', 'h', '0h', '-1h', '1.5h', '2 hours', '1w', '3dd', '1wd2', '12345678s'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );
});

describe('durationToMs', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['3d', 259_200_000],
  ])('%s → %d ms', (text, ms) => {
    expect(durationToMs(parseDuration(text)!)).toBe(ms);
  });

  it('refuses working days (they need the calendar)', () => {
    expect(() => durationToMs(parseDuration('1wd')!)).toThrow('法院日历');
  });
});

describe('formatDuration', () => {
  it('speaks the court’s words', () => {
    expect(formatDuration(parseDuration('2h')!)).toBe('2小时');
    expect(formatDuration(parseDuration('3d')!)).toBe('3日');
    expect(formatDuration(parseDuration('1wd')!)).toBe('1个工作日');
    expect(formatDuration(parseDuration('30m')!)).toBe('30分钟');
  });
});
