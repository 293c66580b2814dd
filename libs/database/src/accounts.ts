import type { Collection, Connection, Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import { type UserDoc, userModel } from './schemas/user.schema';
import { upsertOnce } from './upsert-once';

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

/** When an account last signed in, kept apart from the account (see `recordLogin`). */
interface LoginDoc {
  _id: string;
  at: Date;
}

export class AccountStore {
  constructor(
    readonly model: Model<UserDoc>,
    private readonly logins: Collection<LoginDoc>,
  ) {}

  static of(connection: Connection): AccountStore {
    return new AccountStore(
      userModel(connection),
      connection.collection<LoginDoc>('account_logins'),
    );
  }

  async get(id: string): Promise<UserDoc | null> {
    const [user, login] = await Promise.all([
      this.model.findById(id).lean<UserDoc>().exec(),
      this.logins.findOne({ _id: id }),
    ]);
    return user && withLastLogin(user, login?.at);
  }

  /**
   * A sign-in, written to its own document: FerretDB rewrites a whole document on every
   * update, so a login's write to the account could undo an admin's disable or token-version
   * raise made at the same moment.
   */
  async recordLogin(id: string, at = new Date()): Promise<void> {
    await upsertOnce(() => this.logins.updateOne({ _id: id }, { $set: { at } }, { upsert: true }));
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
  async list(): Promise<UserDoc[]> {
    const [users, logins] = await Promise.all([
      this.model.find().sort({ _id: 1 }).lean<UserDoc[]>().exec(),
      this.logins.find().toArray(),
    ]);
    const lastLogin = new Map(logins.map((l) => [l._id, l.at]));
    return users.map((u) => withLastLogin(u, lastLogin.get(u._id)));
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

/** The later of the account's own `lastLoginAt` (logins before `account_logins`) and the new one. */
function withLastLogin(user: UserDoc, at: Date | undefined): UserDoc {
  if (!at || (user.lastLoginAt && user.lastLoginAt >= at)) return user;
  return { ...user, lastLoginAt: at };
}
