import {
  addCivilDays,
  civilWeekday,
  formatShanghai,
  isIsoInstant,
  shanghaiDate,
  shanghaiInstant,
  shanghaiMinuteOfDay,
  toEpochMs,
} from './shanghai-time';

describe('Shanghai time, whatever the process time zone', () => {
  it('formats instants in +08:00', () => {
    expect(formatShanghai('2026-11-28T01:00:00Z')).toBe('2026-11-28T09:00:00+08:00');
    expect(formatShanghai('2026-11-27T17:00:00-05:00')).toBe('2026-11-28T06:00:00+08:00');
    expect(formatShanghai(Date.UTC(2026, 10, 27, 16, 0, 0, 250))).toBe(
      '2026-11-28T00:00:00.250+08:00',
    );
    expect(formatShanghai(new Date('2026-11-28T09:00:00+08:00'))).toBe('2026-11-28T09:00:00+08:00');
  });

  it('gives the Shanghai date and minute of an instant', () => {
    expect(shanghaiDate('2026-09-30T16:30:00Z')).toBe('2026-10-01');
    expect(shanghaiDate('2026-09-30T15:59:59Z')).toBe('2026-09-30');
    expect(shanghaiMinuteOfDay('2026-09-30T00:30:00Z')).toBe(510);
  });

  it('builds instants from a Shanghai date and clock', () => {
    expect(formatShanghai(shanghaiInstant('2026-10-08', 510))).toBe('2026-10-08T08:30:00+08:00');
    expect(shanghaiInstant('2026-10-08', 0)).toBe(Date.UTC(2026, 9, 7, 16));
  });

  it('reads ISO 8601 only with an offset', () => {
    expect(isIsoInstant('2026-11-28T09:00:00+08:00')).toBe(true);
    expect(isIsoInstant('2026-11-28T09:00+0800')).toBe(true);
    expect(isIsoInstant('2026-11-28T01:00:00.123Z')).toBe(true);
    expect(isIsoInstant('2026-11-28T09:00:00')).toBe(false);
    expect(isIsoInstant('2026-02-30T09:00:00+08:00')).toBe(false);
    expect(isIsoInstant('2026-11-28')).toBe(false);
    expect(() => toEpochMs('2026-11-28 09:00')).toThrow('带时区');
    expect(() => toEpochMs(new Date(Number.NaN))).toThrow();
  });

  it('does civil-date arithmetic', () => {
    expect(addCivilDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCivilDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(civilWeekday('2026-02-14')).toBe(6);
    expect(civilWeekday('2026-09-20')).toBe(0);
    expect(civilWeekday('2026-11-28')).toBe(6);
  });
});
