import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const COURT_ZONE = 'Asia/Shanghai';

/** `2026-11-28 09:00` in Asia/Shanghai, whatever the browser's zone; '' for nothing. */
export function formatTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const time = dayjs(value);
  return time.isValid() ? time.tz(COURT_ZONE).format('YYYY-MM-DD HH:mm') : '';
}

/** `2026-11-28` in Asia/Shanghai. */
export function formatDate(value: string | number | Date | null | undefined): string {
  return formatTime(value).slice(0, 10);
}

/** Now in Asia/Shanghai as an ISO instant with +08:00, e.g. for the form's times. */
export function shanghaiIso(value: string | number | Date = Date.now()): string {
  return dayjs(value).tz(COURT_ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** A Shanghai wall-clock time `YYYY-MM-DDTHH:mm` (datetime-local) as an ISO instant. */
export function fromShanghaiLocal(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  const time = dayjs.tz(local, COURT_ZONE);
  return time.isValid() ? time.format('YYYY-MM-DDTHH:mm:ssZ') : null;
}

/** An instant as a Shanghai wall-clock `YYYY-MM-DDTHH:mm` for a datetime-local field. */
export function toShanghaiLocal(value: string | number | Date = Date.now()): string {
  return dayjs(value).tz(COURT_ZONE).format('YYYY-MM-DDTHH:mm');
}

/** The start of a Shanghai civil date `YYYY-MM-DD` as an instant (for `from`/`to` filters). */
export function shanghaiDayStart(date: string): string {
  return dayjs.tz(`${date}T00:00`, COURT_ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return `${days}天${hours}小时`;
  if (hours > 0) return minutes > 0 ? `${hours}小时${minutes}分钟` : `${hours}小时`;
  return `${Math.max(minutes, 1)}分钟`;
}

export interface Countdown {
  text: string;
  overdue: boolean;
  /** Milliseconds left (negative when past). */
  remainingMs: number;
}

/** `剩余 1天3小时` before a deadline, `已超期 5小时` after it (UI.md). */
export function countdown(deadline: string | null | undefined, now: number): Countdown | null {
  if (!deadline) return null;
  const due = Date.parse(deadline);
  if (Number.isNaN(due)) return null;
  const remainingMs = due - now;
  return remainingMs >= 0
    ? { text: `剩余 ${span(remainingMs)}`, overdue: false, remainingMs }
    : { text: `已超期 ${span(-remainingMs)}`, overdue: true, remainingMs };
}
