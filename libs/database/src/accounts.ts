import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import { type UserDoc, userModel } from './schemas/user.schema';

/** What the auth guard needs to know about an account on every request. */
export interface AccountState {
  tokenVersion: number;
  disabled: boolean;
  mustChangePassword: boolean;
}

export type AccountFields = Partial<
  Pick<
    UserDoc,
    | 'name'
    | 'roles'
    | 'departmentId'
    | 'phone'
    | 'disabled'
    | 'passwordHash'
    | 'mustChangePassword'
    | 'tokenVersion'
    | 'lastLoginAt'
    | 'passwordChangedAt'
  >
>;

/**
 * The accounts (`users`), read and written by `_id` only (the one lookup the embedded
 * FerretDB pushes down) and with `$set` only: FerretDB loses concurrent `$inc`, so a version
 * is raised by writing the value read plus one. Two raises at once may both write the same
 * number; either way every token of the older version fails, which is all a raise is for.
 */
/**
 * A new account as an admin or the create-admin command makes it: it must change its password
 * at first login, and its tokens start at version 0.
 */
export function newAccount(
  fields: Pick<UserDoc, '_id' | 'name' | 'roles' | 'departmentId' | 'phone' | 'passwordHash'>,
  now = new Date(),
): UserDoc {
  return {
    ...fields,
    disabled: false,
    mustChangePassword: true,
    tokenVersion: 0,
    lastLoginAt: null,
    passwordChangedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

export class AccountStore {
  constructor(readonly model: Model<UserDoc>) {}

  static of(connection: Connection): AccountStore {
    return new AccountStore(userModel(connection));
  }

  get(id: string): Promise<UserDoc | null> {
    return this.model.findById(id).lean<UserDoc>().exec();
  }

  async state(id: string): Promise<AccountState | null> {
    const doc = await this.model
      .findById(id, { tokenVersion: 1, disabled: 1, mustChangePassword: 1 })
      .lean<Pick<UserDoc, 'tokenVersion' | 'disabled' | 'mustChangePassword'>>()
      .exec();
    if (!doc) return null;
    return {
      tokenVersion: doc.tokenVersion ?? 0,
      disabled: doc.disabled === true,
      mustChangePassword: doc.mustChangePassword === true,
    };
  }

  /** Every account (a court has hundreds), by id. */
  list(): Promise<UserDoc[]> {
    return this.model.find().sort({ _id: 1 }).lean<UserDoc[]>().exec();
  }

  /** Inserts a new account; false when the id is taken. */
  async insert(doc: UserDoc): Promise<boolean> {
    try {
      await this.model.collection.insertOne(doc as never);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** `$set` by `_id`; false when there is no such account. */
  async update(id: string, fields: AccountFields): Promise<boolean> {
    const result = await this.model
      .updateOne({ _id: id }, { $set: { ...fields, updatedAt: new Date() } })
      .exec();
    return result.matchedCount > 0;
  }

  /**
   * Replaces the password hash only if it is still `expected` (a rehash at login must not
   * overwrite a password changed in the meantime).
   */
  async replaceHash(id: string, expected: string, passwordHash: string): Promise<boolean> {
    const result = await this.model
      .updateOne({ _id: id, passwordHash: expected }, { $set: { passwordHash } })
      .exec();
    return result.modifiedCount > 0;
  }
}
