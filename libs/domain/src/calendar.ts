/**
 * The court calendar (Asia/Shanghai, whatever the server's time zone): which days are
 * working days — statutory holidays and make-up working days (调休) from `chinese-days`,
 * then the court's own overrides on top — and working hours, default 08:30–12:00 and
 * 14:30–17:30.
 *
 * A year in the overrides' `coveredYears` (an admin-imported official schedule) is taken
 * from the overrides alone: the import replaces the statutory data of that year, so that a
 * corrected schedule can also drop a holiday the package lists.
 *
 * Never silently wrong: a date in a year that neither the package nor an override covers is
 * counted Monday–Friday, and every answer that looked at such a date says `provisional:
 * true`, lists the `uncoveredYears`, and is reported to `onProvisional` (for the log). Every
 * answer also records the `calendarVersion` (the overrides' version) it was computed with,
 * so a running ticket can recompute when a new arrangement is imported (`isStale`).
 */

import { parseCalendarOverrides } from './calendar-overrides';
import type { CalendarOverrides, HolidayData } from './calendar-types';
import { durationToMs, type PolicyDuration } from './duration';
import { CHINESE_DAYS_HOLIDAYS } from './holiday-data';
import {
  addCivilDays,
  type CivilDate,
  civilWeekday,
  civilYear,
  formatShanghai,
  type InstantInput,
  isCivilDate,
  shanghaiDate,
  shanghaiInstant,
  shanghaiMinuteOfDay,
  toEpochMs,
} from './shanghai-time';
import { DEFAULT_WORKING_HOURS, type WorkingHours, workingPeriodMinutes } from './working-hours';

export type { CalendarDayEntry, CalendarOverrides, HolidayData } from './calendar-types';

/** What every calendar answer carries besides its value. */
export interface CalendarAnswer {
  /** True when a date the answer depends on lies in a year the calendar data does not cover. */
  readonly provisional: boolean;
  /** Those years (empty when not provisional). */
  readonly uncoveredYears: readonly number[];
  /** Version of the overrides used (0: none). */
  readonly calendarVersion: number;
}

/** An instant computed by the calendar, ISO 8601 in Shanghai time (`…+08:00`). */
export interface CalendarInstant extends CalendarAnswer {
  readonly at: string;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
export type DaySource = 'override' | 'statutory' | 'weekday_rule';

export interface CalendarDay extends CalendarAnswer {
  readonly date: CivilDate;
  readonly working: boolean;
  /** workday (ordinary Mon–Fri), weekend, holiday (a closure), makeup_workday (调休上班, or an extra working day on a weekend). */
  readonly kind: DayKind;
  /** Where the answer came from: the court's overrides, the statutory data, or plain Mon–Fri. */
  readonly source: DaySource;
  /** Holiday or make-up day name, e.g. 春节, 国庆节调休上班. */
  readonly name: string | null;
}

export interface WorkingHoursAnswer extends CalendarAnswer {
  readonly within: boolean;
}

export interface ProvisionalNotice {
  readonly operation: string;
  readonly uncoveredYears: readonly number[];
  readonly message: string;
}

export interface CourtCalendarOptions {
  /** The court's imported overrides (validated again here). */
  readonly overrides?: CalendarOverrides | null;
  /** Default 08:30–12:00, 14:30–17:30. */
  readonly workingHours?: WorkingHours;
  /** Statutory data; default the `chinese-days` package. */
  readonly holidays?: HolidayData;
  /** Called for every provisional answer (to log it). */
  readonly onProvisional?: (notice: ProvisionalNotice) => void;
  /** Accept overrides marked as an example (tests only). */
  readonly allowExampleOverrides?: boolean;
}

export interface CourtCalendar {
  /** Version of the overrides in use (0: none). */
  readonly version: number;
  /** Years with a known arrangement (statutory data ∪ overrides). */
  readonly coveredYears: readonly number[];
  readonly workingHours: WorkingHours;
  /** Data source description, e.g. `chinese-days@1.5.7 + 覆盖数据 v3`. */
  readonly source: string;
  isCovered(year: number): boolean;
  /** The day (a `YYYY-MM-DD` date, or the Shanghai date of an instant). */
  day(date: CivilDate | InstantInput): CalendarDay;
  isWorkingDay(date: CivilDate | InstantInput): CalendarDay;
  isWithinWorkingHours(at: InstantInput): WorkingHoursAnswer;
  /**
   * `n` (≥ 1) working days after `from`: the same clock time on the n-th working day after
   * from's date, the clock clamped to the working day's span (08:30–17:30); from a day off,
   * the end of the n-th working day after it. So a reminder due "within 1 working day" of an
   * overdue on Friday 10:00 before a holiday is due at 10:00 on the first day after it.
   */
  addWorkingDays(n: number, from: InstantInput): CalendarInstant;
  /**
   * Art. 6: when a voicemail received at `at` is due: `at` itself within working hours,
   * else the start of the next working period (after lunch, or the next working day's 08:30).
   */
  nextWorkingDayStart(at: InstantInput): CalendarInstant;
  /** The end of the last working period of that day, or of the next working day if it is a day off. */
  endOfWorkingDay(date: CivilDate | InstantInput): CalendarInstant;
  /** `from` + a policy duration: calendar time for s/m/h/d, the calendar's working days for wd. */
  addDuration(duration: PolicyDuration, from: InstantInput): CalendarInstant;
  /** Was this answer computed on data that has changed since (new version, or a year now covered)? */
  isStale(answer: CalendarAnswer): boolean;
}

/** Longest run of days off the calendar accepts before it gives up looking (a data error). */
const MAX_SCAN_DAYS = 370;

export function createCourtCalendar(options: CourtCalendarOptions = {}): CourtCalendar {
  const holidays = options.holidays ?? CHINESE_DAYS_HOLIDAYS;
  const workingHours = options.workingHours ?? DEFAULT_WORKING_HOURS;
  const periods = workingPeriodMinutes(workingHours);
  const dayStart = periods[0].start;
  const dayEnd = periods[periods.length - 1].end;

  let overrides: CalendarOverrides | null = null;
  if (options.overrides) {
    const parsed = parseCalendarOverrides(options.overrides, {
      allowExample: options.allowExampleOverrides,
    });
    if (!parsed.ok) {
      throw new Error(
        `日历覆盖数据有误：${parsed.errors.map((e) => `${e.field} ${e.message}`).join('；')}`,
      );
    }
    overrides = parsed.value;
  }
  const version = overrides?.version ?? 0;
  const overrideClosures = new Map(overrides?.closures.map((e) => [e.date, e.name]) ?? []);
  const overrideWorking = new Map(overrides?.workingDays.map((e) => [e.date, e.name]) ?? []);
  /** Years whose whole arrangement the overrides give (an imported official schedule): the statutory data is not consulted for them. */
  const overrideYears = new Set<number>(overrides?.coveredYears ?? []);
  const covered = new Set<number>([...holidays.coveredYears, ...(overrides?.coveredYears ?? [])]);
  const coveredYears = Object.freeze([...covered].sort((a, b) => a - b));
  const source = `${holidays.source}${overrides ? ` + 覆盖数据 v${overrides.version}` : ''}`;

  /** Tracks the years an operation looked at. */
  class Probe {
    private readonly uncovered = new Set<number>();
    classify(date: CivilDate): Omit<CalendarDay, keyof CalendarAnswer> {
      const year = civilYear(date);
      if (!covered.has(year)) this.uncovered.add(year);
      const weekend = civilWeekday(date) === 0 || civilWeekday(date) === 6;
      const closed = overrideClosures.get(date);
      if (closed !== undefined)
        return { date, working: false, kind: 'holiday', source: 'override', name: closed };
      const open = overrideWorking.get(date);
      if (open !== undefined) {
        return {
          date,
          working: true,
          kind: weekend ? 'makeup_workday' : 'workday',
          source: 'override',
          name: open,
        };
      }
      if (overrideYears.has(year)) {
        return {
          date,
          working: !weekend,
          kind: weekend ? 'weekend' : 'workday',
          source: 'override',
          name: null,
        };
      }
      const holiday = holidays.closures[date];
      if (holiday !== undefined) {
        return { date, working: false, kind: 'holiday', source: 'statutory', name: holiday };
      }
      const makeUp = holidays.workingDays[date];
      if (makeUp !== undefined) {
        return { date, working: true, kind: 'makeup_workday', source: 'statutory', name: makeUp };
      }
      return {
        date,
        working: !weekend,
        kind: weekend ? 'weekend' : 'workday',
        source: 'weekday_rule',
        name: null,
      };
    }
    working(date: CivilDate): boolean {
      return this.classify(date).working;
    }
    /** The first working day strictly after `date`. */
    nextWorkingDay(date: CivilDate): CivilDate {
      let d = date;
      for (let i = 0; i < MAX_SCAN_DAYS; i++) {
        d = addCivilDays(d, 1);
        if (this.working(d)) return d;
      }
      throw new Error(`${date} 之后${MAX_SCAN_DAYS}天内没有工作日，请检查日历数据`);
    }
    answer(operation: string): CalendarAnswer {
      const uncoveredYears = [...this.uncovered].sort((a, b) => a - b);
      const provisional = uncoveredYears.length > 0;
      if (provisional && options.onProvisional) {
        options.onProvisional({
          operation,
          uncoveredYears,
          message: `${uncoveredYears.join('、')}年的节假日安排尚未导入，${operation}暂按周一至周五工作日计算（临时结果）`,
        });
      }
      return { provisional, uncoveredYears, calendarVersion: version };
    }
    instant(operation: string, ms: number): CalendarInstant {
      return { at: formatShanghai(ms), ...this.answer(operation) };
    }
  }

  const dateOf = (input: CivilDate | InstantInput): CivilDate =>
    typeof input === 'string' && isCivilDate(input) ? input : shanghaiDate(input);

  const calendar: CourtCalendar = {
    version,
    coveredYears,
    workingHours,
    source,
    isCovered: (year) => covered.has(year),

    day(input) {
      const probe = new Probe();
      const info = probe.classify(dateOf(input));
      return { ...info, ...probe.answer('判断工作日') };
    },

    isWorkingDay(input) {
      return calendar.day(input);
    },

    isWithinWorkingHours(at) {
      const probe = new Probe();
      const date = shanghaiDate(at);
      const minute = shanghaiMinuteOfDay(at);
      const within =
        probe.working(date) && periods.some((p) => minute >= p.start && minute < p.end);
      return { within, ...probe.answer('判断工作时间') };
    },

    addWorkingDays(n, from) {
      if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`工作日数应为正整数：${n}`);
      const probe = new Probe();
      const ms = toEpochMs(from);
      const date = shanghaiDate(ms);
      const minute = shanghaiMinuteOfDay(ms);
      const clock = probe.working(date) ? Math.min(Math.max(minute, dayStart), dayEnd) : dayEnd;
      let d = date;
      for (let i = 0; i < n; i++) d = probe.nextWorkingDay(d);
      return probe.instant(`计算${n}个工作日后的期限`, shanghaiInstant(d, clock));
    },

    nextWorkingDayStart(at) {
      const probe = new Probe();
      const ms = toEpochMs(at);
      const date = shanghaiDate(ms);
      const minute = shanghaiMinuteOfDay(ms);
      if (probe.working(date)) {
        for (const p of periods) {
          if (minute < p.start)
            return probe.instant('计算留言办理时间', shanghaiInstant(date, p.start));
          if (minute < p.end) return probe.instant('计算留言办理时间', ms);
        }
      }
      return probe.instant(
        '计算留言办理时间',
        shanghaiInstant(probe.nextWorkingDay(date), dayStart),
      );
    },

    endOfWorkingDay(input) {
      const probe = new Probe();
      const date = dateOf(input);
      const day = probe.working(date) ? date : probe.nextWorkingDay(date);
      return probe.instant('计算工作日下班时间', shanghaiInstant(day, dayEnd));
    },

    addDuration(duration, from) {
      if (duration.unit === 'wd') return calendar.addWorkingDays(duration.amount, from);
      return {
        at: formatShanghai(toEpochMs(from) + durationToMs(duration)),
        provisional: false,
        uncoveredYears: [],
        calendarVersion: version,
      };
    },

    isStale(answer) {
      return (
        answer.calendarVersion !== version ||
        answer.uncoveredYears.some((year) => covered.has(year))
      );
    },
  };
  return Object.freeze(calendar);
}
