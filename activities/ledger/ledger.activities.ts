import type {
  LedgerFactsStore,
  TicketLedgerDoc,
  TicketLedgerRepository,
  VoicemailRepository,
} from '@court/database';
import type { TimelineEvent } from '@court/domain';
import { countLedgerEvents } from '@court/telemetry';

export interface LedgerEventInput extends TimelineEvent {
  seq: number;
}

export interface LedgerSyncInput {
  ticketId: string;
  /** The ticket's state fields as the workflow sees them now (never the caller's details). */
  fields: Omit<
    TicketLedgerDoc,
    '_id' | 'caller' | 'content' | 'answer' | 'channel' | 'createdAt' | 'updatedAt'
  >;
  /** Timeline events not yet known to be written; a retry may send some again. */
  events: LedgerEventInput[];
}

/**
 * Ledger writes (台账), idempotent: the snapshot is $set, events are keyed by their sequence, and
 * the ticket's facts for the metrics (the read model) are replaced from the merged document,
 * with its revision.
 */
export function createLedgerActivities(ledger: TicketLedgerRepository, facts: LedgerFactsStore) {
  return {
    async syncTicketLedger({ ticketId, fields, events }: LedgerSyncInput): Promise<void> {
      const merged = await ledger.syncState(ticketId, fields);
      const timeline = events.map((e) => ({
        seq: e.seq,
        at: new Date(e.at),
        kind: e.kind,
        actor: e.actor,
        note: e.note,
      }));
      await Promise.all([
        merged ? facts.put([merged]) : undefined,
        ledger.appendEvents(ticketId, timeline).then((added) => countLedgerEvents(fields, added)),
      ]);
    },
  };
}

export type LedgerActivities = ReturnType<typeof createLedgerActivities>;

export interface VoicemailSyncInput {
  voicemailId: string;
  receivedAt: string;
  status: 'waiting' | 'due' | 'logged' | 'overdue';
  dueAt: string | null;
  overdueAt: string | null;
  ticketId: string | null;
  loggedAt: string | null;
  provisional: boolean;
}

/** The voicemail queue's state, written by its workflow (the intake stores the caller's number). */
export function createVoicemailLedgerActivities(voicemails: VoicemailRepository) {
  const date = (at: string | null) => (at ? new Date(at) : null);
  return {
    async syncVoicemail(input: VoicemailSyncInput): Promise<void> {
      await voicemails.syncQueueState(input.voicemailId, {
        receivedAt: new Date(input.receivedAt),
        status: input.status,
        dueAt: date(input.dueAt),
        overdueAt: date(input.overdueAt),
        ticketId: input.ticketId,
        loggedAt: date(input.loggedAt),
        provisional: input.provisional,
      });
    },
  };
}

export type VoicemailLedgerActivities = ReturnType<typeof createVoicemailLedgerActivities>;
