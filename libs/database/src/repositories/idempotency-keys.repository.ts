import type { Connection, Model } from 'mongoose';
import { type IdempotencyKeyDoc, idempotencyKeyModel } from '../schemas/idempotency-key.schema';

/**
 * The stored `Idempotency-Key`s (`idempotency_keys`), one per key as `_id`: the unique insert
 * decides between two requests carrying the same key, also on FerretDB.
 */
export class IdempotencyKeyRepository {
  constructor(private readonly keys: Model<IdempotencyKeyDoc>) {}

  static of(connection: Connection): IdempotencyKeyRepository {
    return new IdempotencyKeyRepository(idempotencyKeyModel(connection));
  }

  byId(key: string): Promise<IdempotencyKeyDoc | null> {
    return this.keys.findById(key).lean<IdempotencyKeyDoc>().exec();
  }

  /** Stores a new record; rejects with a duplicate-key error when the key is stored already. */
  async insert(record: IdempotencyKeyDoc): Promise<void> {
    await this.keys.create(record);
  }

  /** Removes a record, unless it was stored anew since it was read (another `createdAt`). */
  async remove(key: string, createdAt: Date): Promise<void> {
    await this.keys.deleteOne({ _id: key, createdAt });
  }

  async saveResponse(key: string, response: object, completedAt: Date): Promise<void> {
    await this.keys.updateOne({ _id: key }, { $set: { response, completedAt } });
  }

  /** Removes the records stored before `cutoff`; how many. */
  async removeOlderThan(cutoff: Date): Promise<number> {
    const { deletedCount } = await this.keys.deleteMany({ createdAt: { $lt: cutoff } });
    return deletedCount;
  }
}
