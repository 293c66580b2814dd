/**
 * The admin-importable JSON format of court calendar overrides, and its validator.
 * See `libs/domain/calendar-overrides.example.json` (an example, not a real arrangement).
 *
 * ```json
 * {
 *   "version": 3,
 *   "description": "2027年节假日安排（国务院办公厅通知）",
 *   "coveredYears": [2027],
 *   "closures": [{ "date": "2027-01-01", "name": "元旦" }],
 *   "workingDays": [{ "date": "2027-02-20", "name": "春节调休上班" }]
 * }
 * ```
 * Keys starting with `$` (`$comment`, `$schema`) are ignored; any other unknown key is an
 * error, so that a typo (`closure`) cannot silently drop a holiday.
 */

import type { CalendarDayEntry, CalendarOverrides } from './calendar-types';
import { charLength, deepFreeze, type FieldError, fail, ok, type Result } from './result';
import { civilYear, isCivilDate } from './shanghai-time';

export type { CalendarDayEntry, CalendarOverrides } from './calendar-types';

const TOP_KEYS = ['version', 'example', 'description', 'coveredYears', 'closures', 'workingDays'];
const ENTRY_KEYS = ['date', 'name'];
const MIN_YEAR = 1990;
const MAX_YEAR = 2200;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unknownKeys(
  obj: Record<string, unknown>,
  allowed: string[],
  path: string,
  errors: FieldError[],
) {
  for (const key of Object.keys(obj)) {
    if (!key.startsWith('$') && !allowed.includes(key)) {
      errors.push({ field: path ? `${path}.${key}` : key, message: `未知字段“${key}”` });
    }
  }
}

export interface ParseOverridesOptions {
  /** Accept a file marked `"example": true` (tests only). */
  readonly allowExample?: boolean;
}

/** Validates imported overrides; on success returns them frozen, entries sorted by date. */
export function parseCalendarOverrides(
  json: unknown,
  options: ParseOverridesOptions = {},
): Result<CalendarOverrides> {
  const errors: FieldError[] = [];
  if (!isObject(json)) return fail([{ field: '', message: '日历覆盖数据应为JSON对象' }]);
  unknownKeys(json, TOP_KEYS, '', errors);

  const { version } = json;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    errors.push({ field: 'version', message: '版本号应为正整数，每次导入递增' });
  }
  if (json.example !== undefined && typeof json.example !== 'boolean') {
    errors.push({ field: 'example', message: 'example 应为 true 或 false' });
  }
  if (json.example === true && !options.allowExample) {
    errors.push({ field: 'example', message: '这是示例文件，不是国务院公布的正式安排，不能导入' });
  }
  if (json.description !== undefined && typeof json.description !== 'string') {
    errors.push({ field: 'description', message: '说明应为文本' });
  }

  const coveredYears: number[] = [];
  if (!Array.isArray(json.coveredYears)) {
    errors.push({
      field: 'coveredYears',
      message: '应为年份数组（本数据完整给出其节假日安排的年份），可为空数组',
    });
  } else {
    json.coveredYears.forEach((y, i) => {
      if (typeof y !== 'number' || !Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) {
        errors.push({
          field: `coveredYears[${i}]`,
          message: `年份应为${MIN_YEAR}–${MAX_YEAR}之间的整数`,
        });
      } else if (coveredYears.includes(y)) {
        errors.push({ field: `coveredYears[${i}]`, message: `年份重复：${y}` });
      } else {
        coveredYears.push(y);
      }
    });
  }

  const seen = new Map<string, string>();
  const entries = (key: 'closures' | 'workingDays'): CalendarDayEntry[] => {
    const list = json[key];
    if (!Array.isArray(list)) {
      errors.push({
        field: key,
        message: '应为 { "date": "YYYY-MM-DD", "name": "…" } 的数组，可为空数组',
      });
      return [];
    }
    const out: CalendarDayEntry[] = [];
    list.forEach((entry, i) => {
      const path = `${key}[${i}]`;
      if (!isObject(entry)) {
        errors.push({ field: path, message: '应为 { "date": "YYYY-MM-DD", "name": "…" }' });
        return;
      }
      unknownKeys(entry, ENTRY_KEYS, path, errors);
      const { date, name } = entry;
      let good = true;
      if (typeof date !== 'string' || !isCivilDate(date)) {
        errors.push({ field: `${path}.date`, message: '日期应为有效的 YYYY-MM-DD' });
        good = false;
      } else if (civilYear(date) < MIN_YEAR || civilYear(date) > MAX_YEAR) {
        errors.push({ field: `${path}.date`, message: `日期年份应在${MIN_YEAR}–${MAX_YEAR}之间` });
        good = false;
      } else if (seen.has(date)) {
        errors.push({
          field: `${path}.date`,
          message: `日期 ${date} 已在 ${seen.get(date)} 中出现`,
        });
        good = false;
      }
      if (typeof name !== 'string' || name.trim() === '' || charLength(name) > 50) {
        errors.push({ field: `${path}.name`, message: '名称不能为空，且不超过50个字' });
        good = false;
      }
      if (good) {
        seen.set(date as string, path);
        out.push({ date: date as string, name: (name as string).trim() });
      }
    });
    return out.sort((a, b) => a.date.localeCompare(b.date));
  };
  const closures = entries('closures');
  const workingDays = entries('workingDays');

  if (errors.length > 0) return fail(errors);
  return ok(
    deepFreeze({
      version: version as number,
      ...(json.example !== undefined ? { example: json.example as boolean } : {}),
      ...(json.description !== undefined ? { description: json.description as string } : {}),
      coveredYears: coveredYears.sort((a, b) => a - b),
      closures,
      workingDays,
    }),
  );
}

/** Problems of imported overrides; empty when valid. */
export function validateCalendarOverrides(
  json: unknown,
  options: ParseOverridesOptions = {},
): FieldError[] {
  const r = parseCalendarOverrides(json, options);
  return r.ok ? [] : [...r.errors];
}
