import type { LedgerInstant } from '@court/domain';
import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/** One ticket named in a bulletin (通报): no caller details. */
export interface BulletinEntry {
  id: string;
  type: string;
  typeLabel: string;
  status: string;
  departmentId: string | null;
  departmentName: string | null;
  handlerId: string | null;
  handlerName: string | null;
  receivedAt: Date | null;
  dispatchedAt: Date | null;
  /** Copied from the ledger's deadlines and feedback, as stored there. */
  feedbackBy: LedgerInstant | null;
  overdueAt: Date | null;
  remindedAt: Date | null;
  reminders: number;
  bulletinedAt: Date | null;
  feedbackAt: LedgerInstant | null;
}

/** The tickets of one department or handler in a bulletin, by id. */
export interface BulletinGroup {
  id: string | null;
  name: string;
  departmentId?: string | null;
  bulletined: string[];
  overdue: string[];
}

/**
 * A situation bulletin (情况通报, Art. 8, 9): the period's figures and the tickets bulletined
 * and turned overdue in it, by department and handler. Written once by the reporting
 * activities (upserted under its id, so a retried activity writes the same document).
 * `Figures`: the metrics it was compiled with, stored whole (their type, StoredMetrics, is
 * libs/reporting's).
 */
export interface BulletinDoc<Figures extends object = object> {
  _id: string;
  trigger: 'schedule' | 'manual';
  requestedBy: string | null;
  workflowId: string;
  period: { from: Date | null; to: Date };
  createdAt: Date;
  figures: Figures;
  bulletined: BulletinEntry[];
  overdue: BulletinEntry[];
  byDepartment: BulletinGroup[];
  byHandler: BulletinGroup[];
  /** More tickets than a bulletin lists (see BULLETIN_MAX_ENTRIES); the counts stay exact. */
  truncated: boolean;
  counts: { bulletined: number; overdue: number };
  announcedTo: string[];
  announcedAt: Date | null;
}

export const bulletinSchema = new Schema<BulletinDoc>(
  {
    _id: { type: String, required: true },
    trigger: { type: String, required: true },
    requestedBy: { type: String, default: null },
    workflowId: { type: String, required: true },
    period: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true, index: true },
    figures: { type: Schema.Types.Mixed, default: {} },
    bulletined: { type: Schema.Types.Mixed, default: [] },
    overdue: { type: Schema.Types.Mixed, default: [] },
    byDepartment: { type: Schema.Types.Mixed, default: [] },
    byHandler: { type: Schema.Types.Mixed, default: [] },
    truncated: { type: Boolean, default: false },
    counts: { type: Schema.Types.Mixed, default: {} },
    announcedTo: { type: [String], default: [] },
    announcedAt: { type: Date, default: null },
  },
  { collection: 'bulletins', versionKey: false, minimize: false },
);

export function bulletinModel(connection: Connection): Model<BulletinDoc> {
  return modelOn(connection, 'Bulletin', bulletinSchema);
}
