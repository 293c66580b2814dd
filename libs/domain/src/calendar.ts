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
 * so a running ticket can recompute when a new arrangement is imported (`isStale`). The
 * answers' and options' shapes and the `CourtCalendar` interface are in `calendar-types.ts`.
 */

import { parseCalendarOverrides } from './calendar-overrides';
import type {
  CalendarAnswer,
  CalendarDay,
  CalendarInstant,
  CalendarOverrides,
  CourtCalendar,
  CourtCalendarOptions,
} from './calendar-types';
import { durationToMs } from './duration';
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
import { DEFAULT_WORKING_HOURS, workingPeriodMinutes } from './working-hours';

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
