import {
  isDuplicateKey,
  type LedgerFactsStore,
  type LedgerModels,
  type TicketLedgerDoc,
  ticketEventId,
  type VoicemailDoc,
} from '@court/database';
import type { TimelineEvent } from '@court/domain';
import { countLedgerEvents, insertedBeforeDuplicate } from '@court/telemetry';
import type { Model } from 'mongoose';

export interface LedgerEventInput extends TimelineEvent {
  seq: number;
}

export interface LedgerSyncInput {
  ticketId: string;
  /** The ticket's state fields as the workflow sees them now (never the caller's details). */
  fields: Omit<
    TicketLedgerDoc,
    '_id' | 'caller' | 'content' | 'answer' | 'channel' | 'createdAt' | 'updatedAt' | 'disposition'
  > & {
    /** The ticket's Disposition (workflows/ticket/ledger-fields.ts still sends it as a record). */
    disposition: Record<string, unknown> | null;
  };
  /** Timeline events not yet known to be written; a retry may send some again. */
  events: LedgerEventInput[];
}

/**
 * Ledger writes (台账), idempotent: the snapshot is $set, events are keyed by their sequence, and
 * the ticket's facts for the metrics (the read model) are replaced from the merged document,
 * with its revision.
 */
export function createLedgerActivities(models: LedgerModels, facts: LedgerFactsStore) {
  return {
    async syncTicketLedger({ ticketId, fields, events }: LedgerSyncInput): Promise<void> {
      const merged = await models.tickets
        .findOneAndUpdate(
          { _id: ticketId },
          // `rev` orders the ticket's facts that different workers stored (FactsSource); the
          // workflow is this document's one writer, so `$inc` races no one. Not in the schema,
          // hence `strict: false`.
          { $set: fields, $inc: { rev: 1 } },
          // No projection: FerretDB's findAndModify does not take one.
          { upsert: true, returnDocument: 'after', strict: false },
        )
        .lean();
      await Promise.all([
        merged ? facts.put([merged]) : undefined,
        insertEvents(models, ticketId, events).then((added) => countLedgerEvents(fields, added)),
      ]);
    },
  };
}

async function insertEvents(models: LedgerModels, ticketId: string, events: LedgerEventInput[]) {
  if (events.length === 0) return [];
  try {
    return await models.events.insertMany(
      events.map((e) => ({
        _id: ticketEventId(ticketId, e.seq),
        ticketId,
        seq: e.seq,
        at: new Date(e.at),
        kind: e.kind,
        actor: e.actor,
        note: e.note,
      })),
      { ordered: false },
    );
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return insertedBeforeDuplicate<{ kind: string; at: Date }>(error);
  }
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
export function createVoicemailLedgerActivities(voicemails: Model<VoicemailDoc>) {
  const date = (at: string | null) => (at ? new Date(at) : null);
  return {
    async syncVoicemail(input: VoicemailSyncInput): Promise<void> {
      await voicemails.updateOne(
        { _id: input.voicemailId },
        {
          $set: {
            receivedAt: new Date(input.receivedAt),
            status: input.status,
            dueAt: date(input.dueAt),
            overdueAt: date(input.overdueAt),
            ticketId: input.ticketId,
            loggedAt: date(input.loggedAt),
            provisional: input.provisional,
          },
        },
        { upsert: true },
      );
    },
  };
}

export type VoicemailLedgerActivities = ReturnType<typeof createVoicemailLedgerActivities>;
