import dayjs from 'dayjs';
import { COURT_ZONE } from '../../lib/time';

export interface WeekRange {
  /** Monday, `YYYY-MM-DD` (Asia/Shanghai). */
  from: string;
  /** Sunday, `YYYY-MM-DD`; the reporting API counts a `to` date as a whole day. */
  to: string;
  /** `11/23` for the axis. */
  label: string;
}

/** The last `count` Shanghai weeks (Monday to Sunday), oldest first, ending with this week. */
export function weeklyRanges(now: number, count: number): WeekRange[] {
  const today = dayjs(now).tz(COURT_ZONE);
  const monday = today.subtract((today.day() + 6) % 7, 'day');
  const weeks: WeekRange[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const start = monday.subtract(i * 7, 'day');
    weeks.push({
      from: start.format('YYYY-MM-DD'),
      to: start.add(6, 'day').format('YYYY-MM-DD'),
      label: start.format('MM/DD'),
    });
  }
  return weeks;
}

/** `YYYY-MM-DD` of the Shanghai day `days` before `now`. */
export function shanghaiDaysAgo(now: number, days: number): string {
  return dayjs(now).tz(COURT_ZONE).subtract(days, 'day').format('YYYY-MM-DD');
}
