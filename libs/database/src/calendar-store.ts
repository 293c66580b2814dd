import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import {
  type CalendarImportDoc,
  type CalendarOverrideDoc,
  type CalendarRearmDoc,
  calendarImportModel,
  calendarOverrideModel,
  calendarRearmModel,
} from './schemas/calendar-override.schema';

/** How many taken `_id`s a claim steps over before it gives up (a storm of imports). */
const MAX_CLAIM_TRIES = 20;

/**
 * The court calendar's storage: the overrides every process computes with (`calendar_overrides`,
 * one document per version, the highest in force), each year's imported schedules
 * (`calendar_imports`, `<year>:<version>`), and the re-arm progress per overrides version.
 *
 * All appends are unique-`_id` inserts, the one claim that is safe on FerretDB (which loses
 * concurrent `$inc`/`$push`): two admins importing at once both get a version of their own,
 * and a version of the overrides built on a stale one fails its insert and is rebuilt.
 */
export class CalendarStore {
  constructor(
    private readonly overrides: Model<CalendarOverrideDoc>,
    private readonly imports: Model<CalendarImportDoc>,
    private readonly rearms: Model<CalendarRearmDoc>,
  ) {}

  static of(connection: Connection): CalendarStore {
    return new CalendarStore(
      calendarOverrideModel(connection),
      calendarImportModel(connection),
      calendarRearmModel(connection),
    );
  }

  /** The overrides in force: the highest version (a handful of documents, one per import). */
  latest(): Promise<CalendarOverrideDoc | null> {
    return this.overrides.findOne().sort({ _id: -1 }).lean<CalendarOverrideDoc>().exec();
  }

  importOf(year: number, version: number): Promise<CalendarImportDoc | null> {
    return this.imports.findById(`${year}:${version}`).lean<CalendarImportDoc>().exec();
  }

  /** Stores an import under the first free version from `from` on (a unique `_id` insert). */
  async claimImport(
    from: number,
    fields: Omit<CalendarImportDoc, '_id' | 'version'>,
  ): Promise<CalendarImportDoc> {
    for (let version = from; version < from + MAX_CLAIM_TRIES; version++) {
      const doc: CalendarImportDoc = { _id: `${fields.year}:${version}`, version, ...fields };
      try {
        await this.imports.create(doc);
        return doc;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new Error(`${fields.year}年日历导入冲突过多，请稍后重试`);
  }

  /** The newest import of the year from version `from` on (by `_id`, stepping up). */
  async newestImport(year: number, from: number): Promise<CalendarImportDoc | null> {
    let newest = await this.importOf(year, from);
    while (newest) {
      const next = await this.importOf(year, newest.version + 1);
      if (!next) break;
      newest = next;
    }
    return newest;
  }

  /**
   * Appends the next overrides version, built from the one in force by `build` (null: nothing
   * to change, the one in force is returned). Another process appending the same version first
   * makes the insert fail; then it is rebuilt on theirs.
   */
  async publish(
    build: (
      latest: CalendarOverrideDoc | null,
      version: number,
    ) => Promise<Omit<CalendarOverrideDoc, '_id' | 'importedAt'> | null>,
  ): Promise<CalendarOverrideDoc> {
    for (let attempt = 0; attempt < MAX_CLAIM_TRIES; attempt++) {
      const latest = await this.latest();
      const version = (latest?._id ?? 0) + 1;
      const next = await build(latest, version);
      if (!next) return latest!;
      const doc: CalendarOverrideDoc = { _id: version, ...next, importedAt: new Date() };
      try {
        await this.overrides.create(doc);
        return doc;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new Error('法院日历版本冲突过多，请稍后重试');
  }

  rearmOf(version: number): Promise<CalendarRearmDoc | null> {
    return this.rearms.findById(version).lean<CalendarRearmDoc>().exec();
  }

  /** Progress of one re-arm, written whole by `_id` (one writer per version at a time). */
  async saveRearm(doc: CalendarRearmDoc): Promise<void> {
    const { _id, ...fields } = doc;
    await this.rearms.replaceOne({ _id }, fields, { upsert: true });
  }
}
