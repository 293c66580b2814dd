import type { LedgerFactsStore, TicketFacts } from '@court/database';
import {
  addCivilDays,
  type CourtCalendar,
  durationToMs,
  parseDuration,
  shanghaiDate,
  shanghaiInstant,
  workingPeriodMinutes,
} from '@court/domain';

/**
 * 签收 in time: a transfer is to be accepted (签收) by its handler within `ACCEPT_WITHIN` of its
 * dispatch (or of its latest reassignment). `2h` (the default), `90m`, `30s` count working time
 * on the court calendar: only the working hours of working days run, so a ticket dispatched on
 * Friday at 17:00 is due on Monday at 09:00 (08:30–12:00, 14:30–17:30). `1wd` counts working days
 * as the other policy deadlines do (calendar.addWorkingDays). `d` is refused: whole calendar days
 * would let a weekend's transfers wait unseen, and `wd` says what is meant.
 */
export type AcceptWithin =
  | { text: string; unit: 'working-time'; ms: number }
  | { text: string; unit: 'working-days'; days: number };

export const ACCEPT_WITHIN_DEFAULT = '2h';

export const ACCEPT_WITHIN_FORMS =
  '正整数加单位：s（秒）、m（分钟）、h（小时）按工作时间计，或 wd（工作日），如 2h、90m、1wd';

/** `2h` → two working hours; null when malformed (or in calendar days). */
export function parseAcceptWithin(text: string): AcceptWithin | null {
  const duration = parseDuration(text);
  if (!duration || duration.unit === 'd') return null;
  if (duration.unit === 'wd') {
    return { text: duration.text, unit: 'working-days', days: duration.amount };
  }
  return { text: duration.text, unit: 'working-time', ms: durationToMs(duration) };
}

/** `2小时（工作时间）`, `1个工作日`. */
export function describeAcceptWithin(within: AcceptWithin): string {
  if (within.unit === 'working-days') return `${within.days}个工作日`;
  const ms = within.ms;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}小时（工作时间）`;
  if (ms % 60_000 === 0) return `${ms / 60_000}分钟（工作时间）`;
  return `${ms / 1000}秒（工作时间）`;
}

/** Days the working-time walk looks ahead before it gives up (a calendar without working days). */
const MAX_SCAN_DAYS = 400;

/**
 * `from` plus `ms` of working time: the working periods of the working days from `from` on are
 * used up in order; the result is the instant the last one is reached (a period's end when it
 * fits exactly: `2h` from 10:00 is 12:00, not 14:30).
 */
export function addWorkingTime(calendar: CourtCalendar, from: number, ms: number): number {
  const periods = workingPeriodMinutes(calendar.workingHours);
  let left = ms;
  let date = shanghaiDate(from);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, date = addCivilDays(date, 1)) {
    if (!calendar.isWorkingDay(date).working) continue;
    for (const period of periods) {
      const start = Math.max(from, shanghaiInstant(date, period.start));
      const end = shanghaiInstant(date, period.end);
      if (start >= end) continue;
      if (end - start >= left) return start + left;
      left -= end - start;
    }
  }
  throw new Error(`${shanghaiDate(from)} 之后${MAX_SCAN_DAYS}天内工作时间不足，请检查日历数据`);
}

/** When a transfer dispatched at `dispatchedAt` is to be accepted by. */
export function acceptDeadline(
  calendar: CourtCalendar,
  dispatchedAt: number,
  within: AcceptWithin,
): number {
  if (within.unit === 'working-days') {
    return Date.parse(calendar.addWorkingDays(within.days, dispatchedAt).at);
  }
  return addWorkingTime(calendar, dispatchedAt, within.ms);
}

/** The statuses of a transfer still awaiting its handler's feedback. */
export const AWAITING_FEEDBACK: ReadonlySet<string> = new Set([
  'dispatched',
  'overdue',
  'reminded',
  'bulletined',
]);

/** The dispatch the acceptance runs from: the latest of the dispatch and the reassignments. */
export function latestDispatch(t: TicketFacts): number | null {
  if (t.dispatchedAt === null) return t.lastReassignedAt;
  if (t.lastReassignedAt === null) return t.dispatchedAt;
  return Math.max(t.dispatchedAt, t.lastReassignedAt);
}

export interface UnacceptedTicket {
  id: string;
  type: string;
  handlerId: string | null;
  departmentId: string | null;
  /** The dispatch (or latest reassignment) the acceptance runs from, in ms. */
  dispatchedAt: number;
  /** When it was to be accepted by, in ms (passed). */
  acceptBy: number;
}

/**
 * A transfer still awaiting feedback, never accepted, whose time to accept has passed. Tickets
 * logged before 签收 came in (no `acceptedAt` in their ledger document) are never listed.
 */
export function unacceptedAt(
  t: TicketFacts,
  now: number,
  deadline: (dispatchedAt: number) => number,
  atLeastMs: number,
): UnacceptedTicket | null {
  if (!t.tracksAcceptance || t.acceptedAt !== null) return null;
  if (t.status === null || !AWAITING_FEEDBACK.has(t.status)) return null;
  const dispatchedAt = latestDispatch(t);
  // Working time never runs faster than the clock: most open transfers are let go here,
  // without walking the calendar.
  if (dispatchedAt === null || now - dispatchedAt < atLeastMs) return null;
  const acceptBy = deadline(dispatchedAt);
  if (acceptBy > now) return null;
  return {
    id: t.id,
    type: t.type,
    handlerId: t.handlerId,
    departmentId: t.departmentId,
    dispatchedAt,
    acceptBy,
  };
}

/**
 * The transfers not accepted in time, longest overdue first (then by id): the first `limit`
 * and how many there are. Read from the metrics' read model, every day of it (a transfer of any
 * day may still wait): one pass over the facts, which the reporting service keeps cached (the
 * cost of the metrics over the whole ledger); the calendar is walked only for transfers open,
 * unaccepted and dispatched at least the setting's length of clock time ago.
 */
export async function unacceptedTickets(
  facts: LedgerFactsStore,
  options: { now: number; calendar: CourtCalendar; within: AcceptWithin; limit: number },
): Promise<{ items: UnacceptedTicket[]; total: number }> {
  const { now, calendar, within } = options;
  const atLeastMs = within.unit === 'working-time' ? within.ms : 0;
  const deadline = (dispatchedAt: number) => acceptDeadline(calendar, dispatchedAt, within);
  const found: UnacceptedTicket[] = [];
  for await (const day of facts.read({ from: null, to: null })) {
    for (const t of day) {
      const late = unacceptedAt(t, now, deadline, atLeastMs);
      if (late) found.push(late);
    }
  }
  found.sort((a, b) => a.acceptBy - b.acceptBy || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items: found.slice(0, options.limit), total: found.length };
}
