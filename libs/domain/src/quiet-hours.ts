/**
 * SMS quiet hours (NOTIFY_QUIET_HOURS, default 22:00-07:00, Asia/Shanghai): SMS are held in
 * these hours and sent when they end; escalations ignore them; in-app notices never wait.
 * The window may wrap midnight.
 */

import {
  formatClock,
  type InstantInput,
  parseClock,
  shanghaiMinuteOfDay,
  toEpochMs,
} from './shanghai-time';

export interface QuietHours {
  /** `HH:MM`. */
  readonly start: string;
  /** `HH:MM`; earlier than start when the window wraps midnight. */
  readonly end: string;
}

export const QUIET_HOURS_FORMS =
  'HH:MM-HH:MM（上海时间，可跨午夜，如 22:00-07:00），或 off 表示不设静默时段';

/** Parses `22:00-07:00`; `off` gives null; undefined when malformed. */
export function parseQuietHours(text: string): QuietHours | null | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  if (/^(off|none|false|关闭)$/i.test(t)) return null;
  const m = /^(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(t);
  if (!m) return undefined;
  const start = parseClock(m[1]);
  const end = parseClock(m[2]);
  if (start === null || end === null || start === end || start === 1440 || end === 1440) {
    return undefined;
  }
  return { start: formatClock(start), end: formatClock(end) };
}

function quietWindow(q: QuietHours): { start: number; end: number } {
  return { start: parseClock(q.start)!, end: parseClock(q.end)! };
}

/** Is an instant inside the quiet hours? (start inclusive, end exclusive) */
export function isQuietAt(quiet: QuietHours | null, at: InstantInput): boolean {
  if (!quiet) return false;
  const { start, end } = quietWindow(quiet);
  const minute = shanghaiMinuteOfDay(at);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * When an SMS due at `at` may be sent: `at` itself outside the quiet hours, else the end of
 * the quiet hours (epoch milliseconds).
 */
export function smsSendableAt(quiet: QuietHours | null, at: InstantInput): number {
  const ms = toEpochMs(at);
  if (!isQuietAt(quiet, ms)) return ms;
  const { end } = quietWindow(quiet!);
  const minute = shanghaiMinuteOfDay(ms);
  const wait = (end - minute + 1440) % 1440;
  return ms + wait * 60_000;
}
