/**
 * Time in the court's zone, Asia/Shanghai: UTC+8 all year (China has had no daylight saving
 * since 1991). Everything here works on epoch milliseconds and UTC getters, so the answers do
 * not depend on the time zone of the process that runs them.
 */

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export type CivilDate = string;

/** An instant as the domain accepts it: a Date, epoch milliseconds, or ISO 8601 with offset. */
export type InstantInput = Date | number | string;

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is an ISO 8601 date-time with an explicit offset (`Z` or `±hh:mm`). */
export function isIsoInstant(text: string): boolean {
  return parseIsoInstant(text) !== null;
}

function parseIsoInstant(text: string): number | null {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/**
 * Epoch milliseconds of an instant. Strings must carry an offset: a bare local time would be
 * read in the process's zone, which is exactly the mistake this module exists to avoid.
 * Throws a RangeError for anything else.
 */
export function toEpochMs(input: InstantInput): number {
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) throw new RangeError('无效的时间（Invalid Date）');
    return ms;
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new RangeError(`无效的时间戳：${input}`);
    return input;
  }
  const ms = parseIsoInstant(input);
  if (ms === null) {
    throw new RangeError(
      `无效的时间“${input}”：应为带时区的ISO 8601时间，如 2026-11-28T09:00:00+08:00`,
    );
  }
  return ms;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** ISO 8601 in Shanghai time, e.g. `2026-11-28T09:00:00+08:00` (milliseconds only if non-zero). */
export function formatShanghai(input: InstantInput): string {
  const local = new Date(toEpochMs(input) + OFFSET_MS);
  const ms = local.getUTCMilliseconds();
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${ms ? `.${pad(ms, 3)}` : ''}+08:00`
  );
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(input: InstantInput): CivilDate {
  return formatShanghai(input).slice(0, 10);
}

/** Minutes since Shanghai midnight (fractional when the instant has seconds). */
export function shanghaiMinuteOfDay(input: InstantInput): number {
  const localMs = toEpochMs(input) + OFFSET_MS;
  return (((localMs % DAY_MS) + DAY_MS) % DAY_MS) / 60_000;
}

/** The instant at `minuteOfDay` minutes after midnight of `date` in Shanghai. */
export function shanghaiInstant(date: CivilDate, minuteOfDay = 0): number {
  return civilDayNumber(date) * DAY_MS + minuteOfDay * 60_000 - OFFSET_MS;
}

export function isCivilDate(text: string): boolean {
  const m = CIVIL_DATE.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a civil date. Throws a RangeError on a malformed date. */
export function civilDayNumber(date: CivilDate): number {
  if (!isCivilDate(date)) throw new RangeError(`无效的日期“${date}”：应为 YYYY-MM-DD`);
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    DAY_MS
  );
}

export function civilDateFromDayNumber(dayNumber: number): CivilDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function addCivilDays(date: CivilDate, days: number): CivilDate {
  return civilDateFromDayNumber(civilDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function civilWeekday(date: CivilDate): number {
  return (((civilDayNumber(date) + 4) % 7) + 7) % 7;
}

export function civilYear(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

/** `HH:MM` → minutes since midnight, or null when malformed (24:00 is allowed as an end). */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

export function formatClock(minuteOfDay: number): string {
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}
