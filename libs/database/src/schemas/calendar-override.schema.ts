import type { CalendarOverrides } from '@court/domain';
import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/**
 * The court's calendar overrides, one document per version, append-only (the highest `_id` is
 * in force). `data` is the whole arrangement every process computes with; `years` says which
 * imported version of each year (`calendar_imports`) it contains.
 */
export interface CalendarOverrideDoc {
  _id: number;
  data: CalendarOverrides;
  /** Year → the version of that year's import in force (absent: none imported through the API). */
  years?: Record<string, number> | null;
  importedAt: Date;
  importedBy: string;
}

export const calendarOverrideSchema = new Schema<CalendarOverrideDoc>(
  {
    _id: { type: Number, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    years: { type: Schema.Types.Mixed, default: undefined },
    importedAt: { type: Date, required: true },
    importedBy: { type: String, required: true },
  },
  { collection: 'calendar_overrides', versionKey: false },
);

export function calendarOverrideModel(connection: Connection): Model<CalendarOverrideDoc> {
  return modelOn(connection, 'CalendarOverride', calendarOverrideSchema);
}

/** One imported version of one year's official schedule, `_id` `<year>:<version>`, append-only. */
export interface CalendarImportDoc {
  _id: string;
  year: number;
  version: number;
  days: { date: string; kind: 'holiday' | 'workday'; name: string | null }[];
  note: string | null;
  importedAt: Date;
  importedBy: string;
}

export const calendarImportSchema = new Schema<CalendarImportDoc>(
  {
    _id: { type: String, required: true },
    year: { type: Number, required: true },
    version: { type: Number, required: true },
    days: { type: Schema.Types.Mixed, required: true },
    note: { type: String, default: null },
    importedAt: { type: Date, required: true },
    importedBy: { type: String, required: true },
  },
  { collection: 'calendar_imports', versionKey: false },
);

export function calendarImportModel(connection: Connection): Model<CalendarImportDoc> {
  return modelOn(connection, 'CalendarImport', calendarImportSchema);
}

/** How far the re-arm of running workflows after a calendar version got (`_id`: that version). */
export interface CalendarRearmDoc {
  _id: number;
  status: 'running' | 'done';
  startedAt: Date;
  finishedAt: Date | null;
  signalled: number;
  total: number | null;
}

export const calendarRearmSchema = new Schema<CalendarRearmDoc>(
  {
    _id: { type: Number, required: true },
    status: { type: String, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    signalled: { type: Number, required: true },
    total: { type: Number, default: null },
  },
  { collection: 'calendar_rearms', versionKey: false },
);

export function calendarRearmModel(connection: Connection): Model<CalendarRearmDoc> {
  return modelOn(connection, 'CalendarRearm', calendarRearmSchema);
}
