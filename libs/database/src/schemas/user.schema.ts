import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/**
 * Accounts of the intake (and, through the shared JWT, of every service). `_id` is the login
 * name and the person id in the directory; the password is stored as a scrypt hash only.
 * `tokenVersion` goes into every token issued (`ver`); raising it (password changed or reset,
 * account disabled, roles or department changed) makes every older token fail.
 */
export interface UserDoc {
  _id: string;
  name: string;
  roles: string[];
  departmentId: string | null;
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
  /** Mobile number (normalised); accounts of directory people may leave it to the directory. */
  phone?: string | null;
  /** Absent on accounts from before versions: 0. */
  tokenVersion?: number;
  mustChangePassword?: boolean;
  lastLoginAt?: Date | null;
  passwordChangedAt?: Date | null;
  updatedAt?: Date;
}

export const userSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    roles: { type: [String], required: true, index: true },
    departmentId: { type: String, default: null },
    passwordHash: { type: String, required: true },
    disabled: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
    phone: { type: String, default: null },
    tokenVersion: { type: Number, default: 0 },
    mustChangePassword: { type: Boolean, default: false },
    lastLoginAt: { type: Date, default: null },
    passwordChangedAt: { type: Date, default: null },
    updatedAt: { type: Date },
  },
  { collection: 'users', versionKey: false },
);

export function userModel(connection: Connection): Model<UserDoc> {
  return modelOn(connection, 'User', userSchema);
}
