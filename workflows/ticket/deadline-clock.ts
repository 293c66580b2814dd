import { condition, patched } from '@temporalio/workflow';
import { durationToMs, formatDuration, type PolicyDuration } from '../../libs/domain/src/duration';
import type { Policy } from '../../libs/domain/src/policy';
import type { TicketDeadlines } from '../../libs/domain/src/ticket';
import type { DeadlineClockSnapshot } from './carried-run';
import type { CalendarChangedInput } from './contract';
import { CALENDAR_VERSION_CHECK } from './patches';
import { calendarActivities } from './ticket-activities';
import type { TicketState } from './ticket-state';
import { waitUntil } from './updatable-timer';

type DeadlineName = keyof TicketDeadlines;

interface CalendarAnswer {
  at: string;
  provisional: boolean;
  calendarVersion?: number;
}

/**
 * The ticket's deadlines: calendar time in the workflow, working days from the calendar
 * activity (recorded in history), each remembered with its base so that a calendar change
 * (`calendarChanged`) recomputes the working-day ones, and timers that re-arm when they move.
 */
export class DeadlineClock {
  private readonly bases: Partial<
    Record<DeadlineName, { from: string; duration: PolicyDuration }>
  > = {};
  /** The calendar version each working-day deadline was computed with (its answer says). */
  private readonly versions: Partial<Record<DeadlineName, number>> = {};
  private recomputeRequested = false;
  private recomputing = false;
  /** The calendar version the latest `calendarChanged` named (null: none named, recompute all). */
  private requestedVersion: number | null = null;

  constructor(
    private readonly state: TicketState,
    private readonly workingHours: Policy['workingHours'],
    private readonly changed: () => void,
    carried?: DeadlineClockSnapshot,
  ) {
    if (carried) {
      Object.assign(this.bases, carried.bases);
      Object.assign(this.versions, carried.versions);
    }
  }

  /** What the next run needs to go on recomputing (continue-as-new). */
  snapshot(): DeadlineClockSnapshot {
    return JSON.parse(JSON.stringify({ bases: this.bases, versions: this.versions }));
  }

  /** No calendar recompute asked for or under way. */
  get idle(): boolean {
    return !this.recomputeRequested && !this.recomputing;
  }

  async addPolicyDuration(
    from: string,
    duration: PolicyDuration,
    minVersion?: number,
  ): Promise<CalendarAnswer> {
    if (duration.unit !== 'wd') {
      return {
        at: new Date(Date.parse(from) + durationToMs(duration)).toISOString(),
        provisional: false,
      };
    }
    return calendarActivities(`按法院日历计算 ${formatDuration(duration)} 后的时间`).deadlineAfter({
      from,
      duration,
      workingHours: this.workingHours,
      ...(minVersion !== undefined ? { minVersion } : {}),
    });
  }

  /** Sets deadline `name` to `from` + `duration`; answers it in epoch milliseconds. */
  async setDeadlineAfter(name: DeadlineName, from: string, duration: PolicyDuration) {
    this.bases[name] = { from, duration };
    const answer = await this.addPolicyDuration(from, duration);
    if (answer.calendarVersion !== undefined) this.versions[name] = answer.calendarVersion;
    this.state.setDeadline(name, answer.at, answer.provisional);
    this.changed();
    return Date.parse(answer.at);
  }

  /** The deadline stays as it is from now on: a calendar change no longer moves it. */
  fix(name: DeadlineName): void {
    delete this.bases[name];
  }

  /** Waits until `stop()` or the deadline (re-armed when deadlines move); true when stopped. */
  waitUntil(at: () => number | null, stop: () => boolean, summary: string): Promise<boolean> {
    return waitUntil(at, stop, () => this.state.deadlineEpoch, summary);
  }

  /** Deadline `name` as it stands, in epoch milliseconds (null: not set). */
  deadlineMs(name: DeadlineName): () => number | null {
    return () => {
      const at = this.state.deadlines[name];
      return at ? Date.parse(at) : null;
    };
  }

  /** The `calendarChanged` signal: asks the recompute loop to run, unless nothing is stale. */
  onCalendarChanged(signal: CalendarChangedInput | undefined): void {
    if (patched(CALENDAR_VERSION_CHECK)) {
      // A re-arm after a calendar import names its version; sent again (a resumed re-arm), or
      // to a ticket whose working-day deadlines already follow it, it changes nothing.
      const version = typeof signal?.version === 'number' ? signal.version : null;
      const stale = (Object.keys(this.bases) as DeadlineName[]).some(
        (name) =>
          this.bases[name]!.duration.unit === 'wd' &&
          (version === null || this.versions[name] !== version),
      );
      if (!stale) return;
      this.requestedVersion = version;
    }
    this.recomputeRequested = true;
  }

  /** Recomputes every working-day deadline from its base whenever the calendar changed. */
  async recomputeOnCalendarChange(): Promise<never> {
    const { state } = this;
    for (;;) {
      await condition(() => this.recomputeRequested);
      this.recomputeRequested = false;
      this.recomputing = true;
      const moved: string[] = [];
      const version = this.requestedVersion;
      this.requestedVersion = null;
      for (const [name, base] of Object.entries(this.bases)) {
        if (base.duration.unit !== 'wd') continue;
        const key = name as DeadlineName;
        const answer = await this.addPolicyDuration(base.from, base.duration, version ?? undefined);
        if (answer.calendarVersion !== undefined) this.versions[key] = answer.calendarVersion;
        if (answer.at !== state.deadlines[key])
          moved.push(`${name} ${state.deadlines[key]} → ${answer.at}`);
        state.setDeadline(key, answer.at, answer.provisional);
      }
      state.record(
        'deadline_recomputed',
        'system',
        moved.length ? moved.join('；') : '期限不变',
        Date.now(),
      );
      this.changed();
      this.recomputing = false;
    }
  }
}
