import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/** People of the court's directory, as far as notifications need them (their phone). */
export interface DirectoryPersonDoc {
  _id: string;
  name: string;
  role: string;
  departmentId: string | null;
  phone: string | null;
  /** 职务, shown in the directory (added by the intake). */
  title?: string;
}

export const directoryPersonSchema = new Schema<DirectoryPersonDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true, index: true },
    departmentId: { type: String, default: null, index: true },
    phone: { type: String, default: null },
    title: { type: String, default: '' },
  },
  { collection: 'directory_people', versionKey: false },
);

export function directoryPersonModel(connection: Connection): Model<DirectoryPersonDoc> {
  return modelOn(connection, 'DirectoryPerson', directoryPersonSchema);
}
