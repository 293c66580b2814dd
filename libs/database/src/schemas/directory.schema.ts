import type { SpecialDepartments } from '@court/domain';
import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/** Departments of the court's directory (people are in `directory_people`). */
export interface DirectoryDepartmentDoc {
  _id: string;
  name: string;
  headId: string;
  viceChiefId: string | null;
  chiefId: string | null;
  vicePresidentId: string | null;
}

export const directoryDepartmentSchema = new Schema<DirectoryDepartmentDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    headId: { type: String, required: true, index: true },
    viceChiefId: { type: String, default: null },
    chiefId: { type: String, default: null },
    vicePresidentId: { type: String, default: null },
  },
  { collection: 'directory_departments', versionKey: false },
);

/** Cases and their presiding judges, keyed by the canonical case number. */
export interface DirectoryCaseDoc {
  _id: string;
  presidingJudgeId: string;
  cause: string | null;
}

export const directoryCaseSchema = new Schema<DirectoryCaseDoc>(
  {
    _id: { type: String, required: true },
    presidingJudgeId: { type: String, required: true, index: true },
    cause: { type: String, default: null },
  },
  { collection: 'directory_cases', versionKey: false },
);

/** The court itself and the special departments of Article 4: one document, `_id: 'court'`. */
export interface DirectorySettingsDoc {
  _id: string;
  court: { name: string; presidentId: string };
  special: SpecialDepartments;
}

export const directorySettingsSchema = new Schema<DirectorySettingsDoc>(
  {
    _id: { type: String, required: true },
    court: { type: Schema.Types.Mixed, required: true },
    special: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'directory_settings', versionKey: false },
);

export interface DirectoryModels {
  departments: Model<DirectoryDepartmentDoc>;
  cases: Model<DirectoryCaseDoc>;
  settings: Model<DirectorySettingsDoc>;
}

export function directoryModels(connection: Connection): DirectoryModels {
  return {
    departments: modelOn(connection, 'DirectoryDepartment', directoryDepartmentSchema),
    cases: modelOn(connection, 'DirectoryCase', directoryCaseSchema),
    settings: modelOn(connection, 'DirectorySettings', directorySettingsSchema),
  };
}
