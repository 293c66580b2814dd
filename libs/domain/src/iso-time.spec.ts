import { isoTime } from './iso-time';

describe('isoTime', () => {
  it.each([
    [new Date('2026-12-03T01:02:03.004Z'), '2026-12-03T01:02:03.004Z'],
    ['2026-12-03T09:02:03+08:00', '2026-12-03T01:02:03.000Z'],
    [Date.UTC(2026, 11, 3), '2026-12-03T00:00:00.000Z'],
    [null, null],
    [undefined, null],
    ['', null],
    ['not a date', null],
    [new Date(Number.NaN), null],
  ])('%p → %p', (value, expected) => {
    expect(isoTime(value)).toBe(expected);
  });
});
