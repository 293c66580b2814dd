import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key';
import {
  type DirectoryCaseDoc,
  type DirectoryDepartmentDoc,
  type DirectorySettingsDoc,
  directoryModels,
} from '../schemas/directory.schema';
import { type DirectoryPersonDoc, directoryPersonModel } from '../schemas/directory-person.schema';
import { type UserDoc, userModel } from '../schemas/user.schema';

/** A document as the seed writes it: its `_id` and the fields it sets. */
type Seeded<Doc extends { _id: string }> = Pick<Doc, '_id'> & Partial<Omit<Doc, '_id'>>;

/**
 * The demo data's writes (API.md), run at every start unless `DEMO_SEED=false`: upserts by
 * `_id` only, so two processes seeding at once are safe; an account is only inserted when
 * absent (`$setOnInsert`), so a password an admin changed is never reset.
 */
export class DemoSeedRepository {
  constructor(
    private readonly settings: Model<DirectorySettingsDoc>,
    private readonly departments: Model<DirectoryDepartmentDoc>,
    private readonly people: Model<DirectoryPersonDoc>,
    private readonly cases: Model<DirectoryCaseDoc>,
    private readonly users: Model<UserDoc>,
  ) {}

  static of(connection: Connection): DemoSeedRepository {
    const directory = directoryModels(connection);
    return new DemoSeedRepository(
      directory.settings,
      directory.departments,
      directoryPersonModel(connection),
      directory.cases,
      userModel(connection),
    );
  }

  saveSettings(rows: Seeded<DirectorySettingsDoc>[]): Promise<void> {
    return upsertAll(this.settings, setting(rows));
  }

  saveDepartments(rows: Seeded<DirectoryDepartmentDoc>[]): Promise<void> {
    return upsertAll(this.departments, setting(rows));
  }

  savePeople(rows: Seeded<DirectoryPersonDoc>[]): Promise<void> {
    return upsertAll(this.people, setting(rows));
  }

  saveCases(rows: Seeded<DirectoryCaseDoc>[]): Promise<void> {
    return upsertAll(this.cases, setting(rows));
  }

  /** The ids of every account. */
  async accountIds(): Promise<string[]> {
    const users = await this.users.find({}, { _id: 1 }).lean<Pick<UserDoc, '_id'>[]>().exec();
    return users.map((u) => String(u._id));
  }

  /** Inserts these accounts where absent; an existing account is left as it is. */
  addAccounts(rows: Seeded<UserDoc>[]): Promise<void> {
    return upsertAll(
      this.users,
      rows.map(({ _id, ...fields }) => ({ _id, $setOnInsert: fields })),
    );
  }
}

type Upsert = { _id: string; $set?: object; $setOnInsert?: object };

function setting<Doc extends { _id: string }>(rows: Seeded<Doc>[]): Upsert[] {
  return rows.map(({ _id, ...fields }) => ({ _id, $set: fields }));
}

/** Upserts by `_id`; two processes upserting the same new `_id` may collide once: retry. */
async function upsertAll<Doc>(model: Model<Doc>, rows: Upsert[]): Promise<void> {
  if (rows.length === 0) return;
  const ops = rows.map(({ _id, ...update }) => ({
    updateOne: { filter: { _id }, update, upsert: true },
  })) as Parameters<Model<Doc>['bulkWrite']>[0];
  for (let attempt = 1; ; attempt++) {
    try {
      await model.bulkWrite(ops, { ordered: false });
      return;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= 5) throw error;
    }
  }
}
