import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/**
 * Accounts of the intake (and, through the shared JWT, of every service). `_id` is the login
 * name and the person id in the directory; the password is stored as a scrypt hash only.
 */
export interface UserDoc {
  _id: string;
  name: string;
  roles: string[];
  departmentId: string | null;
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
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
  },
  { collection: 'users', versionKey: false },
);

export function userModel(connection: Connection): Model<UserDoc> {
  return modelOn(connection, 'User', userSchema);
}
