import dayjs from 'dayjs';
import type { BulletinHandlerGroup, BulletinPeriod } from '../../api/types';
import { COURT_ZONE, formatDate, formatTime } from '../../lib/time';
import { weeklyRanges } from '../dashboard/weeks';

/** Whether an instant is a Shanghai midnight (a whole-day bound). */
function isShanghaiMidnight(iso: string): boolean {
  return dayjs(iso).tz(COURT_ZONE).format('HH:mm:ss.SSS') === '00:00:00.000';
}

/**
 * `2026-11-23 至 2026-11-29`: whole days shown inclusive (the exclusive midnight's day before);
 * a period ending at another time shows that time.
 */
export function periodText(period: BulletinPeriod): string {
  const from = period.from
    ? isShanghaiMidnight(period.from)
      ? formatDate(period.from)
      : formatTime(period.from)
    : '不限';
  const to = isShanghaiMidnight(period.to)
    ? formatDate(Date.parse(period.to) - 1)
    : formatTime(period.to);
  return `${from} 至 ${to}`;
}

export const TRIGGER_LABELS: Record<string, string> = { schedule: '定期生成', manual: '手动生成' };

/** The week before this one (Monday–Sunday, Shanghai): the usual period to bulletin. */
export function previousWeek(now: number): { from: string; to: string } {
  const [last] = weeklyRanges(now, 2);
  return { from: last!.from, to: last!.to };
}

/**
 * A group's row for the tables: counts and the ids in one. Takes department and handler groups
 * (a department group has no `departmentId`).
 */
export function groupRows(groups: readonly BulletinHandlerGroup[]) {
  return groups
    .map((g) => ({
      key: `${g.id ?? 'none'}:${g.departmentId ?? ''}`,
      name: g.name || '未指定',
      bulletined: g.bulletined.length,
      overdue: g.overdue.length,
      ids: g.bulletined,
    }))
    .sort((a, b) => b.bulletined - a.bulletined || b.overdue - a.overdue);
}

/** `情况通报-B2026….xlsx`. */
export const bulletinFileName = (id: string) => `情况通报-${id}.xlsx`;
