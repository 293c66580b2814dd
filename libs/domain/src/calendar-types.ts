/**
 * Shapes shared by the court calendar, its data sources and its overrides: the data, the
 * calendar's answers, and the `CourtCalendar` interface that `calendar.ts` implements.
 */

import type { PolicyDuration } from './duration';
import type { CivilDate, InstantInput } from './shanghai-time';
import type { WorkingHours } from './working-hours';

/** Holidays and make-up working days from a data source, by date. */
export interface HolidayData {
  /** Where the data comes from, e.g. `chinese-days@1.5.7`. */
  readonly source: string;
  /** Years whose complete arrangement the data holds. */
  readonly coveredYears: readonly number[];
  /** Days off that would otherwise be working days (statutory holidays), with their names. */
  readonly closures: Readonly<Record<CivilDate, string>>;
  /** Days worked that would otherwise be days off (make-up working days, 调休上班). */
  readonly workingDays: Readonly<Record<CivilDate, string>>;
}

export interface CalendarDayEntry {
  readonly date: CivilDate;
  readonly name: string;
}

/**
 * Court-specific calendar data an admin imports (JSON): extra closures, extra working days,
 * and next year's arrangement once the State Council publishes it. Each import carries a
 * higher `version`, which every calendar answer records so running tickets can recompute.
 */
export interface CalendarOverrides {
  /** Positive integer; a new import has a higher version than the one it replaces. */
  readonly version: number;
  /** True in example files, which are refused unless explicitly allowed. */
  readonly example?: boolean;
  readonly description?: string;
  /** Years whose complete arrangement `closures` and `workingDays` give. */
  readonly coveredYears: readonly number[];
  /** Days the court does not work: statutory holidays of a covered year, or extra closures. */
  readonly closures: readonly CalendarDayEntry[];
  /** Days the court works: make-up working days of a covered year, or extra working days. */
  readonly workingDays: readonly CalendarDayEntry[];
}

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
