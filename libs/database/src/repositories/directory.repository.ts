import { type DirectoryData, ROLES, type Role } from '@court/domain';
import type { Connection, Model } from 'mongoose';
import {
  type DirectoryCaseDoc,
  type DirectoryDepartmentDoc,
  type DirectoryModels,
  type DirectorySettingsDoc,
  directoryModels,
} from '../schemas/directory.schema';
import { type DirectoryPersonDoc, directoryPersonModel } from '../schemas/directory-person.schema';

/** A stored department's head, as read (a department stored before heads may lack one). */
type StoredHead = Pick<DirectoryDepartmentDoc, '_id'> & { headId?: string | null };

/** The court's directory: people, departments, cases and the directory's settings. */
export class DirectoryRepository {
  constructor(
    private readonly people: Model<DirectoryPersonDoc>,
    private readonly models: DirectoryModels,
  ) {}

  static of(connection: Connection): DirectoryRepository {
    return new DirectoryRepository(directoryPersonModel(connection), directoryModels(connection));
  }

  /** Everything stored, each collection in id order (a court has hundreds of people). */
  /**
   * The court directory as the domain reads it, each collection in id order; null before an
   * admin has set the court up. People of a role the domain does not know are left out.
   */
  async snapshot(): Promise<DirectoryData | null> {
    const [settings, departments, people, cases] = await Promise.all([
      this.models.settings.findById('court').lean<DirectorySettingsDoc>().exec(),
      this.models.departments.find().sort({ _id: 1 }).lean<DirectoryDepartmentDoc[]>().exec(),
      this.people.find().sort({ _id: 1 }).lean<DirectoryPersonDoc[]>().exec(),
      this.models.cases.find().sort({ _id: 1 }).lean<DirectoryCaseDoc[]>().exec(),
    ]);
    if (!settings) return null;
    return {
      court: settings.court,
      special: settings.special,
      departments: departments.map((d) => ({
        id: d._id,
        name: d.name,
        headId: d.headId,
        viceChiefId: d.viceChiefId ?? null,
        chiefId: d.chiefId ?? null,
        vicePresidentId: d.vicePresidentId ?? null,
      })),
      people: people.filter(hasKnownRole).map((p) => ({
        id: p._id,
        name: p.name,
        role: p.role,
        title: p.title ?? '',
        departmentId: p.departmentId ?? null,
        phone: p.phone ?? '',
      })),
      cases: cases.map((c) => ({
        number: c._id,
        presidingJudgeId: c.presidingJudgeId,
        ...(c.cause ? { cause: c.cause } : {}),
      })),
    };
  }

  departmentById(id: string): Promise<DirectoryDepartmentDoc | null> {
    return this.models.departments.findById(id).lean<DirectoryDepartmentDoc>().exec();
  }

  /** Each person's phone, by id. */
  personPhones(): Promise<Pick<DirectoryPersonDoc, '_id' | 'phone'>[]> {
    return this.people
      .find({}, { phone: 1 })
      .lean<Pick<DirectoryPersonDoc, '_id' | 'phone'>[]>()
      .exec();
  }

  /** Adds or changes a person (`$set`, upserted). */
  async savePerson(id: string, fields: Omit<DirectoryPersonDoc, '_id'>): Promise<void> {
    await this.people.updateOne({ _id: id }, { $set: fields }, { upsert: true });
  }

  /** Changes some fields of a person, if there is one. */
  async updatePerson(id: string, fields: Partial<Omit<DirectoryPersonDoc, '_id'>>): Promise<void> {
    await this.people.updateOne({ _id: id }, { $set: fields });
  }

  /** Adds or changes a department (`$set`, upserted). */
  async saveDepartment(id: string, fields: Omit<DirectoryDepartmentDoc, '_id'>): Promise<void> {
    await this.models.departments.updateOne({ _id: id }, { $set: fields }, { upsert: true });
  }

  /** Adds or changes a case under its canonical number (`$set`, upserted). */
  async saveCase(number: string, fields: Omit<DirectoryCaseDoc, '_id'>): Promise<void> {
    await this.models.cases.updateOne({ _id: number }, { $set: fields }, { upsert: true });
  }

  /** An import's cases, in one ordered bulk write of upserts. */
  async importCases(cases: readonly DirectoryCaseDoc[]): Promise<void> {
    await this.models.cases.bulkWrite(
      cases.map(({ _id, ...fields }) => ({
        updateOne: { filter: { _id }, update: { $set: fields }, upsert: true },
      })),
      { ordered: true },
    );
  }

  /** An import's people, in one ordered bulk write of upserts. */
  async importPeople(people: readonly DirectoryPersonDoc[]): Promise<void> {
    await this.people.bulkWrite(
      people.map(({ _id, ...fields }) => ({
        updateOne: { filter: { _id }, update: { $set: fields }, upsert: true },
      })),
      { ordered: true },
    );
  }

  /** One person of the directory (their name and phone for a notice's SMS). */
  personById(id: string): Promise<DirectoryPersonDoc | null> {
    return this.people.findById(id).lean<DirectoryPersonDoc>().exec();
  }

  /** Who heads each stored department (a few dozen documents; older ones may name no head). */
  departmentHeads(): Promise<StoredHead[]> {
    return this.models.departments.collection
      .find<StoredHead>({}, { projection: { headId: 1 } })
      .toArray();
  }

  /** Each stored department's name and head, for reports. */
  departmentNames(): Promise<(StoredHead & Pick<DirectoryDepartmentDoc, 'name'>)[]> {
    return this.models.departments.collection
      .find<StoredHead & Pick<DirectoryDepartmentDoc, 'name'>>(
        {},
        { projection: { name: 1, headId: 1 } },
      )
      .toArray();
  }

  /** Each stored person's name, for reports (a few hundred documents). */
  personNames(): Promise<Pick<DirectoryPersonDoc, '_id' | 'name'>[]> {
    return this.people.collection
      .find<Pick<DirectoryPersonDoc, '_id' | 'name'>>({}, { projection: { name: 1 } })
      .toArray();
  }
}

function hasKnownRole(person: DirectoryPersonDoc): person is DirectoryPersonDoc & { role: Role } {
  return (ROLES as readonly string[]).includes(person.role);
}
