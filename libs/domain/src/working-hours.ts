/**
 * The court's working hours (工作时间), default 08:30–12:00 and 14:30–17:30, as a list of
 * periods in Asia/Shanghai clock time. Written `08:30-12:00,14:30-17:30`.
 */

import { formatClock, parseClock } from './shanghai-time';

export interface WorkingPeriod {
  /** `HH:MM`. */
  readonly start: string;
  /** `HH:MM`, after start. */
  readonly end: string;
}

export type WorkingHours = readonly WorkingPeriod[];

export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze([
  Object.freeze({ start: '08:30', end: '12:00' }),
  Object.freeze({ start: '14:30', end: '17:30' }),
]);

export const WORKING_HOURS_FORMS =
  '以逗号分隔的时段 HH:MM-HH:MM，按时间先后且不重叠，如 08:30-12:00,14:30-17:30';

/** Periods in minutes since midnight, checked: sorted, non-overlapping, within the day. */
export function workingPeriodMinutes(hours: WorkingHours): { start: number; end: number }[] {
  const problem = workingHoursProblem(hours);
  if (problem) throw new RangeError(`工作时间设置无效：${problem}`);
  return hours.map((p) => ({ start: parseClock(p.start)!, end: parseClock(p.end)! }));
}

/** What is wrong with a set of working hours, or null. */
export function workingHoursProblem(hours: WorkingHours): string | null {
  if (!Array.isArray(hours) || hours.length === 0) return '至少应有一个工作时段';
  let previousEnd = -1;
  for (const p of hours) {
    const start = parseClock(p?.start ?? '');
    const end = parseClock(p?.end ?? '');
    if (start === null || end === null) return `时段“${p?.start}-${p?.end}”格式不正确`;
    if (end <= start) return `时段 ${p.start}-${p.end} 的结束时间应晚于开始时间`;
    if (start < previousEnd) return `时段 ${p.start}-${p.end} 与前一时段重叠或顺序颠倒`;
    previousEnd = end;
  }
  return null;
}

/** Parses `08:30-12:00,14:30-17:30`; null when malformed. */
export function parseWorkingHours(text: string): WorkingHours | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const periods: WorkingPeriod[] = [];
  for (const part of text.split(/[,，;；]/)) {
    const m = /^\s*(\d{1,2}:\d{2})\s*[-–~]\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (!m) return null;
    const start = parseClock(m[1]);
    const end = parseClock(m[2]);
    if (start === null || end === null) return null;
    periods.push({ start: formatClock(start), end: formatClock(end) });
  }
  return workingHoursProblem(periods) === null ? periods : null;
}

export function formatWorkingHours(hours: WorkingHours): string {
  return hours.map((p) => `${p.start}-${p.end}`).join(',');
}
