import type {
  BulletinDoc,
  BulletinRepository,
  CalendarStore,
  LedgerFactsStore,
  TicketLedgerRepository,
} from '@court/database';
import {
  addCivilDays,
  type CourtCalendar,
  createCourtCalendar,
  shanghaiDate,
  shanghaiInstant,
} from '@court/domain';
import type { Notice } from '@court/notifications';
import type { DirectoryNames, Period } from '@court/reporting';
import { markedTicketIds } from '@court/reporting';
import { bulletinNotices, ENTRY_PROJECTION, entryOf, groupEntries } from './bulletin-entries';
import { ledgerMetrics } from './ledger-metrics';

// The reporting service and the ledger-facts integration test import these from this path.
export { groupEntries } from './bulletin-entries';
export { ledgerMetrics } from './ledger-metrics';

/** A bulletin lists at most this many tickets per list; its counts stay exact beyond. */
export const BULLETIN_MAX_ENTRIES = 2_000;

/** Default length of a scheduled bulletin's period (the week before the day it fires). */
export const BULLETIN_PERIOD_DAYS = 7;

export interface ReportingActivityDeps {
  tickets: TicketLedgerRepository;
  facts: LedgerFactsStore;
  bulletins: BulletinRepository;
  /** Where the overrides in force are read. */
  calendar: CalendarStore;
  names: () => Promise<DirectoryNames>;
  now?: () => Date;
}

export interface CompileBulletinInput {
  bulletinId: string;
  workflowId: string;
  trigger: 'schedule' | 'manual';
  requestedBy: string | null;
  from: string | null;
  to: string;
}

export interface BulletinSummary {
  bulletinId: string;
  period: { from: string | null; to: string };
  counts: { bulletined: number; overdue: number };
  /** Notices announcing the bulletin (kind `bulletin`, in-app), for the notification service. */
  notices: Notice[];
}

/**
 * The `reporting` activities, run by the reporting service's worker for the bulletin workflow:
 * the court calendar (is the schedule's day a working day?), the bulletin's period, and the
 * bulletin itself, compiled from the ledger and stored under its id (idempotent).
 */
export function createReportingActivities(deps: ReportingActivityDeps) {
  const now = deps.now ?? (() => new Date());
  const calendars = new Map<number, CourtCalendar>();

  async function calendar(): Promise<CourtCalendar> {
    const latest = await deps.calendar.latest();
    const version = latest?._id ?? 0;
    let cal = calendars.get(version);
    if (!cal) {
      cal = createCourtCalendar({
        overrides: latest?.data ?? null,
      });
      calendars.set(version, cal);
    }
    return cal;
  }

  /** The period's bulletined or overdue tickets, read by `_id` after the read model picked them. */
  async function list(mark: 'bulletinedAt' | 'overdueAt', period: Period, names: DirectoryNames) {
    const { ids, count } = await markedTicketIds(deps.facts, mark, period, BULLETIN_MAX_ENTRIES);
    const docs = await deps.tickets.byIds(ids, ENTRY_PROJECTION);
    return {
      entries: docs.map((d) => entryOf(d, names)),
      count,
    };
  }

  return {
    /** Is the Shanghai day of `at` a working day on the court calendar? */
    async bulletinDay(input: { at: string }) {
      const day = (await calendar()).isWorkingDay(input.at);
      return { date: day.date, working: day.working, kind: day.kind, name: day.name };
    },

    /**
     * A scheduled bulletin's period: up to the start of the day it fires (Shanghai), from the
     * end of the last scheduled bulletin or `days` before, whichever is earlier (so a skipped
     * week is covered by the next bulletin).
     */
    async scheduledBulletinPeriod(input: { at: string; days?: number }) {
      const today = shanghaiDate(input.at);
      const to = new Date(shanghaiInstant(today));
      const weekBefore = new Date(
        shanghaiInstant(addCivilDays(today, -(input.days ?? BULLETIN_PERIOD_DAYS))),
      );
      const last = await deps.bulletins.lastScheduled();
      const lastTo = last?.period?.to ? new Date(last.period.to) : null;
      const from = lastTo && lastTo < weekBefore ? lastTo : weekBefore;
      return { from: from.toISOString(), to: to.toISOString() };
    },

    async compileBulletin(input: CompileBulletinInput): Promise<BulletinSummary> {
      const names = await deps.names();
      const period: Period = {
        from: input.from ? new Date(input.from) : null,
        to: new Date(input.to),
      };
      const existing = await deps.bulletins.byId(input.bulletinId);
      let doc: BulletinDoc;
      if (existing) {
        doc = existing;
      } else {
        const [figures, bulletined, overdue] = await Promise.all([
          ledgerMetrics(deps.facts, period, names, { now: now() }),
          list('bulletinedAt', period, names),
          list('overdueAt', period, names),
        ]);
        doc = {
          _id: input.bulletinId,
          trigger: input.trigger,
          requestedBy: input.requestedBy,
          workflowId: input.workflowId,
          period: { from: period.from, to: period.to! },
          createdAt: now(),
          figures,
          bulletined: bulletined.entries,
          overdue: overdue.entries,
          ...groupEntries(bulletined.entries, overdue.entries, names),
          truncated:
            bulletined.count > bulletined.entries.length || overdue.count > overdue.entries.length,
          counts: { bulletined: bulletined.count, overdue: overdue.count },
          announcedTo: [],
          announcedAt: null,
        };
        // An insert, not an upsert with $setOnInsert: FerretDB drops the empty arrays of a
        // $setOnInsert (a period without bulletined tickets stored no `bulletined` at all).
        // Not inserted: a retried activity, the first write stands.
        await deps.bulletins.insert(doc);
      }
      return {
        bulletinId: doc._id,
        period: {
          from: doc.period.from ? new Date(doc.period.from).toISOString() : null,
          to: new Date(doc.period.to).toISOString(),
        },
        counts: doc.counts,
        notices: bulletinNotices(doc._id, doc.bulletined, names),
      };
    },

    async markBulletinAnnounced(input: {
      bulletinId: string;
      recipients: string[];
    }): Promise<void> {
      await deps.bulletins.markAnnounced(
        input.bulletinId,
        [...new Set(input.recipients)].sort(),
        now(),
      );
    },
  };
}

export type ReportingActivities = ReturnType<typeof createReportingActivities>;
