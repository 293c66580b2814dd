import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key';
import {
  type VoicemailDoc,
  type VoicemailStatus,
  voicemailModel,
} from '../schemas/voicemail.schema';

/**
 * The voicemail queue (Art. 6): the intake stores a voicemail and the caller's number; its
 * workflow then writes the queue state through the ledger activity.
 */
export class VoicemailRepository {
  constructor(private readonly voicemails: Model<VoicemailDoc>) {}

  static of(connection: Connection): VoicemailRepository {
    return new VoicemailRepository(voicemailModel(connection));
  }

  byId(id: string): Promise<VoicemailDoc | null> {
    return this.voicemails.findById(id).lean<VoicemailDoc>().exec();
  }

  /** Stores a new voicemail; false when its id is stored already (a retry). */
  async insertNew(doc: VoicemailDoc): Promise<boolean> {
    try {
      await this.voicemails.create(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Removes a voicemail whose workflow never started: only while still `waiting`. */
  async removeUnstarted(voicemailId: string): Promise<void> {
    await this.voicemails.deleteOne({ _id: voicemailId, status: 'waiting' });
  }

  /** The queue, oldest first (at most 500), and how many it holds; of one status if given. */
  async queue(status?: VoicemailStatus): Promise<{ docs: VoicemailDoc[]; total: number }> {
    const filter = status ? { status } : {};
    const [docs, total] = await Promise.all([
      this.voicemails.find(filter).sort({ receivedAt: 1 }).limit(500).lean<VoicemailDoc[]>().exec(),
      this.voicemails.countDocuments(filter).exec(),
    ]);
    return { docs, total };
  }

  /** The queue state of a voicemail, written by its workflow alone (`$set`, upserted). */
  async syncQueueState(
    voicemailId: string,
    state: Pick<
      VoicemailDoc,
      'receivedAt' | 'status' | 'dueAt' | 'overdueAt' | 'ticketId' | 'loggedAt' | 'provisional'
    >,
  ): Promise<void> {
    await this.voicemails.updateOne({ _id: voicemailId }, { $set: state }, { upsert: true });
  }
}
