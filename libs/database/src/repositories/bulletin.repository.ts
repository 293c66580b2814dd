import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key';
import { type BulletinDoc, bulletinModel } from '../schemas/bulletin.schema';

/** A bulletin as a page of the list reads it: no figures, its lists only when asked for. */
export type BulletinListed = Omit<BulletinDoc, 'figures' | 'bulletined' | 'overdue'> &
  Partial<Pick<BulletinDoc, 'bulletined' | 'overdue'>>;

/**
 * The situation bulletins (`bulletins`, 情况通报), each written once under its id by the
 * reporting activities (a plain insert: FerretDB drops the empty arrays of a `$setOnInsert`),
 * then marked announced. A court has a few a week: the list's sort scans them, which is cheap.
 */
export class BulletinRepository {
  constructor(private readonly bulletins: Model<BulletinDoc>) {}

  static of(connection: Connection): BulletinRepository {
    return new BulletinRepository(bulletinModel(connection));
  }

  /** The list's index, made by the reporting service, which may start before any other. */
  async ensureIndexes(): Promise<void> {
    await this.bulletins.createIndexes();
  }

  /** `Figures`: the metrics' type the bulletin was compiled with (libs/reporting's). */
  byId<Figures extends object = object>(id: string): Promise<BulletinDoc<Figures> | null> {
    return this.bulletins.findById(id).lean<BulletinDoc<Figures>>().exec();
  }

  /** The scheduled bulletin compiled last. */
  lastScheduled(): Promise<BulletinDoc | null> {
    return this.bulletins
      .findOne({ trigger: 'schedule' })
      .sort({ createdAt: -1 })
      .lean<BulletinDoc>()
      .exec();
  }

  /** Stores a new bulletin; false when its id is taken (a retried activity: the first stands). */
  async insert(doc: BulletinDoc): Promise<boolean> {
    try {
      await this.bulletins.create(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async markAnnounced(id: string, announcedTo: string[], announcedAt: Date): Promise<void> {
    await this.bulletins.updateOne({ _id: id }, { $set: { announcedTo, announcedAt } });
  }

  /** A page of bulletins, newest first; `withLists`: with the tickets they list. */
  page(skip: number, limit: number, withLists: boolean): Promise<BulletinListed[]> {
    return this.bulletins
      .find({}, withLists ? { figures: 0 } : { figures: 0, bulletined: 0, overdue: 0 })
      .sort({ createdAt: -1 })
      .skip(skip)
      .limit(limit)
      .lean<BulletinListed[]>()
      .exec();
  }

  count(): Promise<number> {
    return this.bulletins.countDocuments({}).exec();
  }
}
