import {
  isDuplicateKey,
  type LedgerModels,
  type TicketLedgerDoc,
  type VoicemailDoc,
} from '@court/database';
import type { TimelineEvent } from '@court/domain';
import type { Model } from 'mongoose';

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

/** Ledger writes (台账), idempotent: the snapshot is $set, events are keyed by their sequence. */
export function createLedgerActivities(models: LedgerModels) {
  return {
    async syncTicketLedger({ ticketId, fields, events }: LedgerSyncInput): Promise<void> {
      await models.tickets.updateOne({ _id: ticketId }, { $set: fields }, { upsert: true });
      if (events.length === 0) return;
      try {
        await models.events.insertMany(
          events.map((e) => ({
            _id: `${ticketId}#${String(e.seq).padStart(4, '0')}`,
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
      }
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
