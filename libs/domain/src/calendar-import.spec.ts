import { createCourtCalendar } from './calendar';
import {
  calendarYearDays,
  overridesWithYear,
  parseCalendarImport,
  parseCalendarYear,
} from './calendar-import';

describe('parseCalendarYear', () => {
  it.each(['2026', '1990', '2200'])('accepts %s', (raw) => {
    expect(parseCalendarYear(raw)).toEqual({ ok: true, value: Number(raw) });
  });
  it.each(['26', '02026', '1989', '2201', 'abcd', '2026.0', ''])('refuses %p', (raw) => {
    expect(parseCalendarYear(raw)).toMatchObject({ ok: false, errors: [{ field: 'year' }] });
  });
});

describe('parseCalendarImport', () => {
  it('accepts the days of the year, sorted, names trimmed (empty → null)', () => {
    expect(
      parseCalendarImport(2027, [
        { date: '2027-10-01', kind: 'holiday', name: ' 国庆节 ' },
        { date: '2027-02-20', kind: 'workday', name: '' },
        { date: '2027-01-01', kind: 'holiday' },
      ]),
    ).toEqual({
      ok: true,
      value: [
        { date: '2027-01-01', kind: 'holiday', name: null },
        { date: '2027-02-20', kind: 'workday', name: null },
        { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
      ],
    });
  });

  it('names every problem by its field, in Chinese, and returns no days', () => {
    const result = parseCalendarImport(2027, [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-12-31', kind: 'holiday', name: '元旦' },
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-30', kind: 'holiday' },
      { date: '2027-03-01', kind: 'vacation' },
      { date: '2027-03-02', kind: 'holiday', name: 'x'.repeat(51) },
      { date: '2027-03-03', kind: 'holiday', extra: 1 },
      'nope',
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([
      'days[1].date',
      'days[2].date',
      'days[3].date',
      'days[4].kind',
      'days[5].name',
      'days[6].extra',
      'days[7]',
    ]);
    expect(result.errors[0]!.message).toBe('2026-12-31 不在2027年内');
    expect(result.errors[1]!.message).toContain('重复');
    expect(result.errors[3]!.message).toContain('holiday');
  });

  it.each([
    [undefined, 'days'],
    [null, 'days'],
    [{}, 'days'],
    [[], 'days'],
  ])('refuses %p as the days', (days, field) => {
    expect(parseCalendarImport(2027, days)).toMatchObject({ ok: false, errors: [{ field }] });
  });

  it('refuses more days than a year has', () => {
    const days = Array.from({ length: 367 }, (_, i) => ({ date: `2027-01-${i}`, kind: 'holiday' }));
    expect(parseCalendarImport(2027, days)).toMatchObject({
      ok: false,
      errors: [{ field: 'days' }],
    });
  });
});

describe('an imported year in the calendar', () => {
  const days = parseCalendarImport(2028, [
    { date: '2028-01-03', kind: 'holiday', name: '元旦' },
    { date: '2028-01-08', kind: 'workday', name: '元旦调休上班' },
    { date: '2028-01-10', kind: 'holiday', name: null },
  ]);
  if (!days.ok) throw new Error('test days invalid');

  it('replaces that year only, and makes it covered (no longer provisional)', () => {
    const base = {
      version: 3,
      coveredYears: [2027],
      closures: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2028-05-01', name: '旧的安排' },
      ],
      workingDays: [],
    };
    const merged = overridesWithYear(base, 2028, days.value, 4);
    expect(merged).toEqual({
      version: 4,
      coveredYears: [2027, 2028],
      closures: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2028-01-03', name: '元旦' },
        { date: '2028-01-10', name: '节假日' },
      ],
      workingDays: [{ date: '2028-01-08', name: '元旦调休上班' }],
    });
    const calendar = createCourtCalendar({ overrides: merged });
    expect(calendar.isCovered(2028)).toBe(true);
    expect(calendar.isWorkingDay('2028-05-01').working).toBe(true);
    // Friday 2028-01-07 evening → Saturday the 8th is worked: due then.
    expect(calendar.nextWorkingDayStart('2028-01-07T20:00:00+08:00')).toMatchObject({
      at: '2028-01-08T08:30:00+08:00',
      provisional: false,
      calendarVersion: 4,
    });
    expect(calendarYearDays(calendar, 2028)).toEqual([
      { date: '2028-01-03', kind: 'holiday', name: '元旦' },
      { date: '2028-01-08', kind: 'workday', name: '元旦调休上班' },
      { date: '2028-01-10', kind: 'holiday', name: '节假日' },
    ]);
  });

  it('an import of a year the bundled data covers replaces the bundled schedule', () => {
    const bundled = createCourtCalendar();
    expect(bundled.isWorkingDay('2026-10-01').working).toBe(false);
    const merged = overridesWithYear(
      null,
      2026,
      [{ date: '2026-10-02', kind: 'holiday', name: '国庆节' }],
      1,
    );
    const court = createCourtCalendar({ overrides: merged });
    expect(court.isWorkingDay('2026-10-01')).toMatchObject({ working: true, source: 'override' });
    expect(court.isWorkingDay('2026-10-02')).toMatchObject({ working: false, name: '国庆节' });
    expect(court.isWorkingDay('2025-10-01').working).toBe(false); // other years untouched
    expect(calendarYearDays(court, 2026)).toEqual([
      { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
    ]);
  });

  it('the bundled year lists its holidays (weekends inside them too) and make-up days', () => {
    const list = calendarYearDays(createCourtCalendar(), 2026);
    expect(list).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect(list.some((d) => d.kind === 'workday')).toBe(true);
    expect(calendarYearDays(createCourtCalendar(), 2028)).toEqual([]);
  });
});
