import type { CalendarOverrideDoc } from '@court/database';
import {
  type CalendarInstant,
  type CalendarOverrides,
  type CourtCalendar,
  createCourtCalendar,
  type PolicyDuration,
  type WorkingHours,
} from '@court/domain';
import type { Model } from 'mongoose';

export interface CalendarActivityDeps {
  overrides: Model<CalendarOverrideDoc>;
  onProvisional?: (message: string) => void;
}

/**
 * Working-day arithmetic, in activities so that each answer is recorded in history: a change
 * of the calendar data never changes what a running ticket already decided on replay.
 */
export function createCalendarActivities(deps: CalendarActivityDeps) {
  const cache = new Map<string, CourtCalendar>();

  async function calendarFor(workingHours: WorkingHours): Promise<CourtCalendar> {
    const latest = await deps.overrides.findOne().sort({ _id: -1 }).lean();
    const key = `${latest?._id ?? 0}|${JSON.stringify(workingHours)}`;
    let calendar = cache.get(key);
    if (!calendar) {
      calendar = createCourtCalendar({
        overrides: (latest?.data as CalendarOverrides | undefined) ?? null,
        workingHours,
        onProvisional: (notice) => deps.onProvisional?.(notice.message),
      });
      cache.set(key, calendar);
    }
    return calendar;
  }

  return {
    async deadlineAfter(input: {
      from: string;
      duration: PolicyDuration;
      workingHours: WorkingHours;
    }): Promise<CalendarInstant> {
      return (await calendarFor(input.workingHours)).addDuration(input.duration, input.from);
    },

    async voicemailDueAt(input: {
      receivedAt: string;
      workingHours: WorkingHours;
    }): Promise<CalendarInstant> {
      return (await calendarFor(input.workingHours)).nextWorkingDayStart(input.receivedAt);
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
