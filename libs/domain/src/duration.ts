/**
 * Policy durations: `90s`, `30m`, `2h`, `3d` count calendar time ("3日" is three calendar
 * days); `1wd` counts working days on the court calendar ("1个工作日"). A duration is a
 * plain JSON value so that it travels in workflow inputs.
 */

export const DURATION_UNITS = ['s', 'm', 'h', 'd', 'wd'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type CalendarTimeUnit = Exclude<DurationUnit, 'wd'>;

export interface PolicyDuration {
  readonly amount: number;
  readonly unit: DurationUnit;
  /** The setting as written, normalised: `2h`, `1wd`. */
  readonly text: string;
}

export const DURATION_FORMS =
  '正整数加单位：s（秒）、m（分钟）、h（小时）、d（日，按自然日计）或 wd（工作日），如 90s、30m、2h、3d、1wd';

const UNIT_MS: Readonly<Record<CalendarTimeUnit, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const UNIT_LABELS: Readonly<Record<DurationUnit, string>> = {
  s: '秒',
  m: '分钟',
  h: '小时',
  d: '日',
  wd: '个工作日',
};

/** Parses `2h`, `1wd` …; null when malformed, zero, or absurdly large. */
export function parseDuration(text: string): PolicyDuration | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d{1,7})\s*(wd|s|m|h|d)\s*$/i.exec(text);
  if (!m) return null;
  const amount = Number(m[1]);
  if (amount < 1) return null;
  const unit = m[2].toLowerCase() as DurationUnit;
  return { amount, unit, text: `${amount}${unit}` };
}

export function isWorkingDayDuration(d: PolicyDuration): boolean {
  return d.unit === 'wd';
}

/** Milliseconds of a calendar-time duration. Throws for working days (use the calendar). */
export function durationToMs(d: PolicyDuration): number {
  if (d.unit === 'wd') {
    throw new RangeError(`${d.text} 按工作日计算，须使用法院日历（addDuration）`);
  }
  return d.amount * UNIT_MS[d.unit];
}

/** `2小时`, `1个工作日`. */
export function formatDuration(d: PolicyDuration): string {
  return `${d.amount}${UNIT_LABELS[d.unit]}`;
}
