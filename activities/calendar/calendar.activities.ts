import type { CalendarOverrideDoc, CalendarStore } from '@court/database';
import {
  type CalendarInstant,
  type CourtCalendar,
  createCourtCalendar,
  type PolicyDuration,
  type WorkingHours,
} from '@court/domain';

export interface CalendarActivityDeps {
  /** Where the overrides in force are read. */
  calendar: CalendarStore;
  onProvisional?: (message: string) => void;
  /** How long the overrides in force are reused before being read again (default 1 s). */
  cacheMs?: number;
}

/** Set by a re-arm (`calendarChanged` carries it): read the overrides again unless at least this version is loaded. */
export interface CalendarFreshness {
  minVersion?: number;
}

/**
 * Working-day arithmetic, in activities so that each answer is recorded in history: a change
 * of the calendar data never changes what a running ticket already decided on replay.
 *
 * The overrides in force (an admin's import, `PUT /api/calendar/:year`) are read at most once
 * per `cacheMs` (default 1 s): a re-arm of a thousand tickets does not read them a thousand
 * times, and a deadline computed after an import follows it within that second. A call with
 * `minVersion` above the loaded version reads them again at once.
 */
export function createCalendarActivities(deps: CalendarActivityDeps) {
  const cacheMs = deps.cacheMs ?? 1_000;
  const calendars = new Map<string, CourtCalendar>();
  let loaded: { at: number; latest: CalendarOverrideDoc | null } | null = null;
  let loading: Promise<CalendarOverrideDoc | null> | null = null;

  async function overridesInForce(minVersion = 0): Promise<CalendarOverrideDoc | null> {
    if (loaded && Date.now() - loaded.at < cacheMs && (loaded.latest?._id ?? 0) >= minVersion) {
      return loaded.latest;
    }
    loading ??= deps.calendar
      .latest()
      .then((latest) => {
        loaded = { at: Date.now(), latest };
        return latest;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  async function calendarFor(
    workingHours: WorkingHours,
    minVersion?: number,
  ): Promise<CourtCalendar> {
    const latest = await overridesInForce(minVersion);
    const key = `${latest?._id ?? 0}|${JSON.stringify(workingHours)}`;
    let calendar = calendars.get(key);
    if (!calendar) {
      if (calendars.size > 32) calendars.clear();
      calendar = createCourtCalendar({
        overrides: latest?.data ?? null,
        workingHours,
        onProvisional: (notice) => deps.onProvisional?.(notice.message),
      });
      calendars.set(key, calendar);
    }
    return calendar;
  }

  return {
    async deadlineAfter(
      input: {
        from: string;
        duration: PolicyDuration;
        workingHours: WorkingHours;
      } & CalendarFreshness,
    ): Promise<CalendarInstant> {
      return (await calendarFor(input.workingHours, input.minVersion)).addDuration(
        input.duration,
        input.from,
      );
    },

    async voicemailDueAt(
      input: {
        receivedAt: string;
        workingHours: WorkingHours;
      } & CalendarFreshness,
    ): Promise<CalendarInstant> {
      return (await calendarFor(input.workingHours, input.minVersion)).nextWorkingDayStart(
        input.receivedAt,
      );
    },

    async endOfWorkingDay(input: {
      at: string;
      workingHours: WorkingHours;
    }): Promise<CalendarInstant> {
      return (await calendarFor(input.workingHours)).endOfWorkingDay(input.at);
    },
  };
}

export type CalendarActivities = ReturnType<typeof createCalendarActivities>;
