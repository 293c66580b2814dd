/** Shapes shared by the court calendar, its data sources and its overrides. */

import type { CivilDate } from './shanghai-time';

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
