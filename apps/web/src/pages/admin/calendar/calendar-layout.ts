/**
 * The month grids of the court calendar: Monday-first weeks, each day a working day, a
 * weekend, a holiday or a make-up working day (调休上班). Civil dates only, no time zone.
 */

export type DayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string | null;
}

export type CellKind = 'work' | 'weekend' | 'holiday' | 'makeup';

export interface DayCell {
  date: string;
  day: number;
  kind: CellKind;
  /** The holiday's or make-up day's name. */
  name: string | null;
}

export interface MonthLayout {
  month: number;
  /** Weeks of seven, Monday first; null outside the month. */
  weeks: (DayCell | null)[][];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 1 = Monday … 7 = Sunday, for a civil date (UTC arithmetic: no zone shifts). */
function isoWeekday(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function cellKind(weekday: number, override: CalendarDay | undefined): CellKind {
  const weekend = weekday >= 6;
  if (override?.kind === 'holiday') return 'holiday';
  if (override?.kind === 'workday') return weekend ? 'makeup' : 'work';
  return weekend ? 'weekend' : 'work';
}

export function monthLayout(
  year: number,
  month: number,
  days: ReadonlyMap<string, CalendarDay>,
): MonthLayout {
  const weeks: (DayCell | null)[][] = [];
  let week: (DayCell | null)[] = Array(isoWeekday(year, month, 1) - 1).fill(null);
  for (let day = 1; day <= daysIn(year, month); day += 1) {
    const date = isoDate(year, month, day);
    const override = days.get(date);
    week.push({
      date,
      day,
      kind: cellKind(isoWeekday(year, month, day), override),
      name: override?.name ?? null,
    });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array(7 - week.length).fill(null)]);
  return { month, weeks };
}

export function yearLayout(year: number, days: readonly CalendarDay[]): MonthLayout[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return Array.from({ length: 12 }, (_, i) => monthLayout(year, i + 1, byDate));
}

/** Working days and days off of a year, counting holidays and make-up days. */
export function yearTotals(months: readonly MonthLayout[]) {
  let working = 0;
  let off = 0;
  for (const m of months)
    for (const week of m.weeks)
      for (const cell of week) {
        if (!cell) continue;
        if (cell.kind === 'work' || cell.kind === 'makeup') working += 1;
        else off += 1;
      }
  return { working, off };
}

export const CELL_LABELS: Record<CellKind, string> = {
  work: '工作日',
  weekend: '周末',
  holiday: '节假日',
  makeup: '调休上班',
};
