/**
 * A year's official schedule as an admin imports it (`PUT /api/calendar/:year`): the days that
 * differ from Monday–Friday working weeks, each a `holiday` (the court does not work) or a
 * `workday` (a make-up working day, 调休上班). Validated whole, every problem naming its field
 * (`days[3].date`); then merged into the court's calendar overrides, where the imported year
 * replaces whatever was known of it (statutory data or an earlier import).
 */

import type { CalendarDayEntry, CalendarOverrides, CourtCalendar } from './calendar-types';
import { charLength, type FieldError, fail, ok, type Result } from './result';
import { addCivilDays, type CivilDate, civilYear, isCivilDate } from './shanghai-time';

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarImportDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarImportDay {
  readonly date: CivilDate;
  readonly kind: CalendarImportDayKind;
  /** E.g. 春节, 国庆节调休上班; null when the file gave none. */
  readonly name: string | null;
}

export const CALENDAR_MIN_YEAR = 1990;
export const CALENDAR_MAX_YEAR = 2200;
const MAX_NAME = 50;
const DAY_KEYS = ['date', 'kind', 'name'];

/** Names used in the calendar when the import gave none. */
export const DEFAULT_DAY_NAMES: Readonly<Record<CalendarImportDayKind, string>> = {
  holiday: '节假日',
  workday: '调休上班',
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The `:year` of the path: four digits within the range the calendar handles. */
export function parseCalendarYear(raw: string): Result<number> {
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    return fail([
      {
        field: 'year',
        message: `年份应为${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}之间的四位数字`,
      },
    ]);
  }
  return ok(year);
}

/**
 * Checks a year's imported days: every date a real date of that year, no date twice, kind
 * `holiday` or `workday`, names at most 50 characters. On success the days sorted by date,
 * names trimmed (an empty name is null).
 */
export function parseCalendarImport(year: number, days: unknown): Result<CalendarImportDay[]> {
  if (!Array.isArray(days)) {
    return fail([
      { field: 'days', message: '应为 [{ "date": "YYYY-MM-DD", "kind", "name" }] 的数组' },
    ]);
  }
  if (days.length === 0) {
    return fail([{ field: 'days', message: `至少应有一天：${year}年的节假日和调休上班日` }]);
  }
  if (days.length > 366) {
    return fail([{ field: 'days', message: `一年最多366天，收到${days.length}项` }]);
  }
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const out: CalendarImportDay[] = [];
  days.forEach((entry, i) => {
    const path = `days[${i}]`;
    if (!isObject(entry)) {
      errors.push({ field: path, message: '应为 { "date": "YYYY-MM-DD", "kind", "name" }' });
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!DAY_KEYS.includes(key)) {
        errors.push({ field: `${path}.${key}`, message: `未知字段“${key}”` });
      }
    }
    const { date, kind, name } = entry;
    let good = true;
    if (typeof date !== 'string' || !isCivilDate(date)) {
      errors.push({ field: `${path}.date`, message: '日期应为有效的 YYYY-MM-DD' });
      good = false;
    } else if (civilYear(date) !== year) {
      errors.push({ field: `${path}.date`, message: `${date} 不在${year}年内` });
      good = false;
    } else if (seen.has(date)) {
      errors.push({
        field: `${path}.date`,
        message: `日期 ${date} 重复（days[${seen.get(date)}] 已有）`,
      });
      good = false;
    } else {
      seen.set(date, i);
    }
    if (typeof kind !== 'string' || !(CALENDAR_DAY_KINDS as readonly string[]).includes(kind)) {
      errors.push({
        field: `${path}.kind`,
        message: '类别应为 holiday（节假日，休）或 workday（调休上班，班）',
      });
      good = false;
    }
    let cleanName: string | null = null;
    if (name !== undefined && name !== null) {
      if (typeof name !== 'string') {
        errors.push({ field: `${path}.name`, message: '名称应为文本' });
        good = false;
      } else if (charLength(name.trim()) > MAX_NAME) {
        errors.push({ field: `${path}.name`, message: `名称不能超过${MAX_NAME}个字` });
        good = false;
      } else {
        cleanName = name.trim() || null;
      }
    }
    if (good) {
      out.push({ date: date as string, kind: kind as CalendarImportDayKind, name: cleanName });
    }
  });
  if (errors.length > 0) return fail(errors);
  return ok(out.sort((a, b) => a.date.localeCompare(b.date)));
}

/**
 * The overrides with `year` replaced by an imported schedule: the year's earlier entries are
 * dropped, the imported days added, and the year counted as covered (so the statutory data is
 * no longer consulted for it). Other years stay as they were.
 */
export function overridesWithYear(
  base: CalendarOverrides | null,
  year: number,
  days: readonly CalendarImportDay[],
  version: number,
): CalendarOverrides {
  const otherYears = (entries: readonly CalendarDayEntry[] | undefined) =>
    (entries ?? []).filter((e) => civilYear(e.date) !== year).map((e) => ({ ...e }));
  const entries = (kind: CalendarImportDayKind) =>
    days
      .filter((d) => d.kind === kind)
      .map((d) => ({ date: d.date, name: d.name ?? DEFAULT_DAY_NAMES[kind] }));
  const byDate = (a: CalendarDayEntry, b: CalendarDayEntry) => a.date.localeCompare(b.date);
  return {
    version,
    ...(base?.description ? { description: base.description } : {}),
    coveredYears: [...new Set([...(base?.coveredYears ?? []), year])].sort((a, b) => a - b),
    closures: [...otherYears(base?.closures), ...entries('holiday')].sort(byDate),
    workingDays: [...otherYears(base?.workingDays), ...entries('workday')].sort(byDate),
  };
}

/**
 * The days of `year` that differ from Monday–Friday weeks, as a calendar sees them: its
 * holidays (also those falling on a weekend, as the official notice lists them) and its
 * working days on a weekend or named by the court.
 */
export function calendarYearDays(calendar: CourtCalendar, year: number): CalendarImportDay[] {
  const out: CalendarImportDay[] = [];
  for (let date = `${year}-01-01`; civilYear(date) === year; date = addCivilDays(date, 1)) {
    const day = calendar.day(date);
    if (day.kind === 'holiday') {
      out.push({ date, kind: 'holiday', name: day.name });
    } else if (
      day.working &&
      (day.kind === 'makeup_workday' || (day.source === 'override' && day.name !== null))
    ) {
      out.push({ date, kind: 'workday', name: day.name });
    }
  }
  return out;
}
