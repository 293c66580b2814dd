import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/** The court's calendar overrides, one document per imported version (the highest is in force). */
export interface CalendarOverrideDoc {
  _id: number;
  data: Record<string, unknown>;
  importedAt: Date;
  importedBy: string;
}

export const calendarOverrideSchema = new Schema<CalendarOverrideDoc>(
  {
    _id: { type: Number, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    importedAt: { type: Date, required: true },
    importedBy: { type: String, required: true },
  },
  { collection: 'calendar_overrides', versionKey: false },
);

export function calendarOverrideModel(connection: Connection): Model<CalendarOverrideDoc> {
  return modelOn(connection, 'CalendarOverride', calendarOverrideSchema);
}
