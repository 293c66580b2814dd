/**
 * Statutory holidays and make-up working days (调休) from the `chinese-days` package, the one
 * module that imports it. We read the package's published JSON data rather than call its
 * functions: those build their tables with the process's local time zone, so west of UTC
 * every date shifts by one day (under TZ=America/New_York, `getDayDetail('2026-09-20').date`
 * is `2026-09-19`). The JSON is keyed by plain dates and needs no time zone.
 *
 * The package answers silently for years it lacks (plain Monday–Friday); we therefore
 * publish which years it covers, and the calendar marks answers for other years provisional.
 */

import chineseDays from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import type { HolidayData } from './calendar-types';
import { deepFreeze } from './result';

interface ChineseDaysJson {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

/** `"Spring Festival,春节,4"` → `春节`. */
function chineseName(entry: string): string {
  const parts = entry.split(',');
  return parts.length >= 2 ? parts[1] : entry;
}

/** Builds our holiday data from the package's JSON (exported for tests). */
export function holidayDataFromChineseDays(json: ChineseDaysJson, source: string): HolidayData {
  const closures: Record<string, string> = {};
  const workingDays: Record<string, string> = {};
  const springFestivalYears = new Set<number>();
  for (const [date, entry] of Object.entries(json.holidays)) {
    const name = chineseName(entry);
    closures[date] = name;
    if (name === '春节') springFestivalYears.add(Number(date.slice(0, 4)));
  }
  for (const [date, entry] of Object.entries(json.workdays)) {
    workingDays[date] = `${chineseName(entry)}调休上班`;
  }
  // A year is covered when the package holds its arrangement; every published arrangement
  // includes the Spring Festival, which always falls in its own year.
  const coveredYears = [...springFestivalYears].sort((a, b) => a - b);
  return deepFreeze({ source, coveredYears, closures, workingDays });
}

/** The data of the installed `chinese-days` (2004–2026 at version 1.5.7). */
export const CHINESE_DAYS_HOLIDAYS: HolidayData = holidayDataFromChineseDays(
  chineseDays as ChineseDaysJson,
  `chinese-days@${chineseDaysPackage.version}`,
);
