import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCourtCalendar } from './calendar';
import type { CalendarOverrides, ProvisionalNotice } from './calendar-types';
import { parseDuration } from './duration';
import { addCivilDays } from './shanghai-time';

const calendar = createCourtCalendar();
const example2027 = JSON.parse(
  readFileSync(join(__dirname, '..', 'calendar-overrides.example.json'), 'utf8'),
) as CalendarOverrides;

function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCivilDays(d, 1)) out.push(d);
  return out;
}

function workingDaysIn(from: string, to: string): string[] {
  return datesBetween(from, to).filter((d) => calendar.isWorkingDay(d).working);
}

describe('chinese-days coverage', () => {
  it('covers 2004–2026 and nothing else', () => {
    expect(calendar.coveredYears).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(calendar.version).toBe(0);
    expect(calendar.source).toMatch(/^chinese-days@\d+\.\d+\.\d+$/);
  });
});

/**
 * The State Council's 2026 arrangement (国务院办公厅关于2026年部分节假日安排的通知), as the
 * chinese-days data holds it and as published.
 */
describe('pinned 2026 facts', () => {
  it('元旦: 1月1日–3日 off, 1月4日 (Sunday) worked', () => {
    expect(workingDaysIn('2025-12-31', '2026-01-05')).toEqual([
      '2025-12-31',
      '2026-01-04',
      '2026-01-05',
    ]);
    expect(calendar.isWorkingDay('2026-01-04')).toMatchObject({
      working: true,
      kind: 'makeup_workday',
      source: 'statutory',
      name: '元旦调休上班',
      provisional: false,
    });
  });

  it('春节: 2月15日 (Sunday) – 23日 (Monday) off, 2月14日 and 2月28日 (Saturdays) worked', () => {
    expect(workingDaysIn('2026-02-09', '2026-03-01')).toEqual([
      '2026-02-09',
      '2026-02-10',
      '2026-02-11',
      '2026-02-12',
      '2026-02-13',
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
    ]);
    expect(calendar.isWorkingDay('2026-02-17')).toMatchObject({
      working: false,
      kind: 'holiday',
      name: '春节',
    });
    expect(calendar.isWorkingDay('2026-02-23')).toMatchObject({
      working: false,
      kind: 'holiday',
      name: '春节',
    });
    expect(calendar.isWorkingDay('2026-02-14')).toMatchObject({
      working: true,
      kind: 'makeup_workday',
    });
    expect(calendar.isWorkingDay('2026-02-28')).toMatchObject({
      working: true,
      kind: 'makeup_workday',
    });
  });

  it('清明 4月4日–6日, 劳动节 5月1日–5日 (5月9日 worked), 端午 6月19日–21日, 中秋 9月25日–27日', () => {
    expect(workingDaysIn('2026-04-03', '2026-04-07')).toEqual(['2026-04-03', '2026-04-07']);
    expect(workingDaysIn('2026-04-30', '2026-05-10')).toEqual([
      '2026-04-30',
      '2026-05-06',
      '2026-05-07',
      '2026-05-08',
      '2026-05-09',
    ]);
    expect(workingDaysIn('2026-06-18', '2026-06-22')).toEqual(['2026-06-18', '2026-06-22']);
    expect(workingDaysIn('2026-09-24', '2026-09-28')).toEqual(['2026-09-24', '2026-09-28']);
  });

  it('国庆节: 10月1日 (Thursday) – 7日 (Wednesday) off, 9月20日 (Sunday) and 10月10日 (Saturday) worked', () => {
    expect(workingDaysIn('2026-09-18', '2026-09-21')).toEqual([
      '2026-09-18',
      '2026-09-20',
      '2026-09-21',
    ]);
    expect(workingDaysIn('2026-09-30', '2026-10-11')).toEqual([
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
    ]);
    expect(calendar.isWorkingDay('2026-10-01')).toMatchObject({
      working: false,
      name: '国庆节',
      provisional: false,
    });
    expect(calendar.isWorkingDay('2026-09-20')).toMatchObject({
      working: true,
      name: '国庆节调休上班',
    });
  });

  it('an ordinary Saturday and Monday', () => {
    expect(calendar.isWorkingDay('2026-11-28')).toEqual({
      date: '2026-11-28',
      working: false,
      kind: 'weekend',
      source: 'weekday_rule',
      name: null,
      provisional: false,
      uncoveredYears: [],
      calendarVersion: 0,
    });
    expect(calendar.isWorkingDay('2026-11-30')).toMatchObject({ working: true, kind: 'workday' });
  });

  it('takes an instant’s Shanghai date, not the server’s', () => {
    // 2026-09-30T17:00Z is 10月1日 01:00 in Shanghai: a holiday
    expect(calendar.isWorkingDay('2026-09-30T17:00:00Z').date).toBe('2026-10-01');
    expect(calendar.isWorkingDay(new Date('2026-09-30T17:00:00Z')).working).toBe(false);
    expect(calendar.isWorkingDay(Date.UTC(2026, 8, 30, 15)).working).toBe(true); // 23:00 on the 30th
  });
});

describe('addWorkingDays: the reminder "within 1 working day" (Art. 8)', () => {
  it.each([
    // dispatch on the Friday before a holiday → after the holiday
    ['Friday before 清明', '2026-04-03T10:00:00+08:00', 1, '2026-04-07T10:00:00+08:00'],
    ['Thursday before 端午', '2026-06-18T15:20:00+08:00', 1, '2026-06-22T15:20:00+08:00'],
    ['Thursday before 中秋', '2026-09-24T09:00:00+08:00', 1, '2026-09-28T09:00:00+08:00'],
    ['last day before 国庆', '2026-09-30T16:00:00+08:00', 1, '2026-10-08T16:00:00+08:00'],
    ['Thursday before 劳动节', '2026-04-30T11:00:00+08:00', 1, '2026-05-06T11:00:00+08:00'],
    // make-up working days count
    [
      'Friday before the make-up Saturday 2月14日',
      '2026-02-13T10:00:00+08:00',
      1,
      '2026-02-14T10:00:00+08:00',
    ],
    ['make-up Saturday before 春节', '2026-02-14T10:00:00+08:00', 1, '2026-02-24T10:00:00+08:00'],
    [
      'Friday before the make-up Sunday 9月20日',
      '2026-09-18T10:00:00+08:00',
      1,
      '2026-09-20T10:00:00+08:00',
    ],
    [
      'Friday 10月9日 → make-up Saturday',
      '2026-10-09T10:00:00+08:00',
      1,
      '2026-10-10T10:00:00+08:00',
    ],
    ['two working days across 春节', '2026-02-13T10:00:00+08:00', 2, '2026-02-24T10:00:00+08:00'],
    ['five working days', '2026-11-23T09:00:00+08:00', 5, '2026-11-30T09:00:00+08:00'],
    // from a day off: by the end of the next working day
    ['from a holiday', '2026-10-03T12:00:00+08:00', 1, '2026-10-08T17:30:00+08:00'],
    ['from a Sunday', '2026-11-29T12:00:00+08:00', 1, '2026-11-30T17:30:00+08:00'],
    // outside the working day's span the clock is clamped to it
    [
      'evening of the last day before 国庆',
      '2026-09-30T20:00:00+08:00',
      1,
      '2026-10-08T17:30:00+08:00',
    ],
    ['early morning', '2026-11-27T06:00:00+08:00', 1, '2026-11-30T08:30:00+08:00'],
    ['lunch time is kept', '2026-11-27T13:00:00+08:00', 1, '2026-11-30T13:00:00+08:00'],
    ['input in UTC', '2026-04-03T02:00:00Z', 1, '2026-04-07T10:00:00+08:00'],
  ])('%s: %s + %d wd → %s', (_name, from, n, expected) => {
    expect(calendar.addWorkingDays(n, from)).toEqual({
      at: expected,
      provisional: false,
      uncoveredYears: [],
      calendarVersion: 0,
    });
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => calendar.addWorkingDays(0, '2026-04-03T10:00:00+08:00')).toThrow('正整数');
    expect(() => calendar.addWorkingDays(1.5, '2026-04-03T10:00:00+08:00')).toThrow('正整数');
  });
});

describe('nextWorkingDayStart: when a voicemail is due (Art. 6)', () => {
  it.each([
    ['in working hours: at once', '2026-11-27T10:00:00+08:00', '2026-11-27T10:00:00+08:00'],
    ['08:30 sharp', '2026-11-27T08:30:00+08:00', '2026-11-27T08:30:00+08:00'],
    ['before work', '2026-11-27T07:10:00+08:00', '2026-11-27T08:30:00+08:00'],
    ['lunch break', '2026-11-27T12:00:00+08:00', '2026-11-27T14:30:00+08:00'],
    ['17:30 is after hours', '2026-11-27T17:30:00+08:00', '2026-11-30T08:30:00+08:00'],
    ['Friday night', '2026-11-27T21:00:00+08:00', '2026-11-30T08:30:00+08:00'],
    ['Saturday', '2026-11-28T10:00:00+08:00', '2026-11-30T08:30:00+08:00'],
    ['eve of 国庆', '2026-09-30T18:00:00+08:00', '2026-10-08T08:30:00+08:00'],
    ['during 国庆', '2026-10-04T11:00:00+08:00', '2026-10-08T08:30:00+08:00'],
    [
      'during 春节 → first working day after it',
      '2026-02-20T09:00:00+08:00',
      '2026-02-24T08:30:00+08:00',
    ],
    ['make-up Saturday morning', '2026-02-14T07:00:00+08:00', '2026-02-14T08:30:00+08:00'],
    ['make-up Saturday, in hours', '2026-02-14T15:00:00+08:00', '2026-02-14T15:00:00+08:00'],
    [
      'make-up Saturday evening → after 春节',
      '2026-02-14T18:00:00+08:00',
      '2026-02-24T08:30:00+08:00',
    ],
    ['Saturday 9月19日 → make-up Sunday', '2026-09-19T10:00:00+08:00', '2026-09-20T08:30:00+08:00'],
    ['given in UTC (Friday 23:30 Shanghai)', '2026-11-27T15:30:00Z', '2026-11-30T08:30:00+08:00'],
  ])('%s: %s → %s', (_name, at, expected) => {
    expect(calendar.nextWorkingDayStart(at).at).toBe(expected);
  });
});

describe('isWithinWorkingHours', () => {
  it.each([
    ['2026-11-27T08:29:59+08:00', false],
    ['2026-11-27T08:30:00+08:00', true],
    ['2026-11-27T11:59:59+08:00', true],
    ['2026-11-27T12:00:00+08:00', false],
    ['2026-11-27T14:30:00+08:00', true],
    ['2026-11-27T17:29:59+08:00', true],
    ['2026-11-27T17:30:00+08:00', false],
    ['2026-11-28T10:00:00+08:00', false], // Saturday
    ['2026-10-08T10:00:00+08:00', true],
    ['2026-10-07T10:00:00+08:00', false], // 国庆
    ['2026-02-14T10:00:00+08:00', true], // make-up Saturday
  ])('%s → %s', (at, within) => {
    expect(calendar.isWithinWorkingHours(at).within).toBe(within);
  });

  it('follows configured hours', () => {
    const custom = createCourtCalendar({ workingHours: [{ start: '09:00', end: '17:00' }] });
    expect(custom.isWithinWorkingHours('2026-11-27T12:30:00+08:00').within).toBe(true);
    expect(custom.isWithinWorkingHours('2026-11-27T08:45:00+08:00').within).toBe(false);
    expect(custom.nextWorkingDayStart('2026-11-27T18:00:00+08:00').at).toBe(
      '2026-11-30T09:00:00+08:00',
    );
    expect(custom.endOfWorkingDay('2026-11-27').at).toBe('2026-11-27T17:00:00+08:00');
    expect(() => createCourtCalendar({ workingHours: [] })).toThrow('工作时间设置无效');
  });
});

describe('endOfWorkingDay', () => {
  it.each([
    ['2026-11-27', '2026-11-27T17:30:00+08:00'],
    ['2026-11-28', '2026-11-30T17:30:00+08:00'],
    ['2026-10-01', '2026-10-08T17:30:00+08:00'],
    ['2026-02-14', '2026-02-14T17:30:00+08:00'],
    ['2026-11-27T23:00:00+08:00', '2026-11-27T17:30:00+08:00'],
  ])('%s → %s', (date, expected) => {
    expect(calendar.endOfWorkingDay(date).at).toBe(expected);
  });
});

describe('addDuration: the policy’s durations', () => {
  it.each([
    ['2h', '2026-11-27T16:30:00+08:00', '2026-11-27T18:30:00+08:00'],
    ['3d', '2026-09-30T10:00:00+08:00', '2026-10-03T10:00:00+08:00'],
    ['30m', '2026-11-27T23:50:00+08:00', '2026-11-28T00:20:00+08:00'],
    ['90s', '2026-11-27T10:00:00+08:00', '2026-11-27T10:01:30+08:00'],
    ['1wd', '2026-04-03T10:00:00+08:00', '2026-04-07T10:00:00+08:00'],
    ['2wd', '2026-09-30T10:00:00+08:00', '2026-10-09T10:00:00+08:00'],
  ])('%s from %s → %s', (duration, from, expected) => {
    expect(calendar.addDuration(parseDuration(duration)!, from).at).toBe(expected);
  });
});

describe('years the data does not cover are never silently wrong', () => {
  it('2027 without overrides: Monday–Friday, marked provisional', () => {
    expect(calendar.isCovered(2027)).toBe(false);
    // 2027-02-08 is a Monday (it would fall in the Spring Festival)
    expect(calendar.isWorkingDay('2027-02-08')).toEqual({
      date: '2027-02-08',
      working: true,
      kind: 'workday',
      source: 'weekday_rule',
      name: null,
      provisional: true,
      uncoveredYears: [2027],
      calendarVersion: 0,
    });
    expect(calendar.isWorkingDay('2027-02-06')).toMatchObject({
      working: false,
      provisional: true,
    });
  });

  it('a computation that crosses into an uncovered year is provisional', () => {
    expect(calendar.addWorkingDays(1, '2026-12-31T10:00:00+08:00')).toEqual({
      at: '2027-01-01T10:00:00+08:00',
      provisional: true,
      uncoveredYears: [2027],
      calendarVersion: 0,
    });
    expect(calendar.addWorkingDays(1, '2026-12-30T10:00:00+08:00').provisional).toBe(false);
    expect(calendar.nextWorkingDayStart('2026-12-31T18:00:00+08:00')).toMatchObject({
      at: '2027-01-01T08:30:00+08:00',
      provisional: true,
    });
    expect(calendar.isWithinWorkingHours('2030-06-03T10:00:00+08:00')).toEqual({
      within: true,
      provisional: true,
      uncoveredYears: [2030],
      calendarVersion: 0,
    });
    expect(calendar.isWorkingDay('2003-12-31').provisional).toBe(true);
  });

  it('calendar-time durations do not depend on the calendar', () => {
    expect(calendar.addDuration(parseDuration('3d')!, '2026-12-31T10:00:00+08:00')).toEqual({
      at: '2027-01-03T10:00:00+08:00',
      provisional: false,
      uncoveredYears: [],
      calendarVersion: 0,
    });
  });

  it('reports provisional answers to onProvisional (for the log)', () => {
    const notices: ProvisionalNotice[] = [];
    const logged = createCourtCalendar({ onProvisional: (n) => notices.push(n) });
    logged.addWorkingDays(1, '2026-11-27T10:00:00+08:00');
    expect(notices).toEqual([]);
    logged.addWorkingDays(1, '2026-12-31T10:00:00+08:00');
    expect(notices).toEqual([
      {
        operation: '计算1个工作日后的期限',
        uncoveredYears: [2027],
        message:
          '2027年的节假日安排尚未导入，计算1个工作日后的期限暂按周一至周五工作日计算（临时结果）',
      },
    ]);
  });
});

describe('overrides', () => {
  const with2027 = createCourtCalendar({ overrides: example2027, allowExampleOverrides: true });

  it('refuses the example file unless allowed', () => {
    expect(() => createCourtCalendar({ overrides: example2027 })).toThrow('示例文件');
  });

  it('an imported arrangement covers its year', () => {
    expect(with2027.isCovered(2027)).toBe(true);
    expect(with2027.version).toBe(1);
    expect(with2027.source).toMatch(/ \+ 覆盖数据 v1$/);
    expect(with2027.isWorkingDay('2027-02-08')).toEqual({
      date: '2027-02-08',
      working: false,
      kind: 'holiday',
      source: 'override',
      name: '春节',
      provisional: false,
      uncoveredYears: [],
      calendarVersion: 1,
    });
    expect(with2027.isWorkingDay('2027-02-20')).toMatchObject({
      working: true,
      kind: 'makeup_workday',
    });
    expect(with2027.addWorkingDays(1, '2026-12-31T10:00:00+08:00')).toEqual({
      at: '2027-01-04T10:00:00+08:00',
      provisional: false,
      uncoveredYears: [],
      calendarVersion: 1,
    });
  });

  it('running tickets can tell when to recompute', () => {
    const before = calendar.addWorkingDays(1, '2026-12-31T10:00:00+08:00');
    expect(calendar.isStale(before)).toBe(false);
    expect(with2027.isStale(before)).toBe(true);
    const after = with2027.addWorkingDays(1, '2026-12-31T10:00:00+08:00');
    expect(with2027.isStale(after)).toBe(false);
  });

  it('court-specific closures and working days take precedence over the statutory data', () => {
    const court = createCourtCalendar({
      overrides: {
        version: 7,
        coveredYears: [],
        closures: [{ date: '2026-11-30', name: '暴雨闭院' }],
        workingDays: [{ date: '2026-10-07', name: '集中办案日' }],
      },
    });
    expect(court.isWorkingDay('2026-11-30')).toMatchObject({
      working: false,
      kind: 'holiday',
      source: 'override',
      name: '暴雨闭院',
      calendarVersion: 7,
    });
    expect(court.isWorkingDay('2026-10-07')).toMatchObject({
      working: true,
      kind: 'workday',
      source: 'override',
    });
    expect(court.addWorkingDays(1, '2026-11-27T10:00:00+08:00').at).toBe(
      '2026-12-01T10:00:00+08:00',
    );
    expect(court.isWorkingDay('2027-03-01').provisional).toBe(true);
    expect(() =>
      createCourtCalendar({ overrides: { version: 0 } as unknown as CalendarOverrides }),
    ).toThrow('日历覆盖数据有误');
  });
});
