import { Connection, Model, Schema } from 'mongoose';
import { modelOn } from './model-on';

/**
 * A workflow start under way: written before the document it belongs to (a ticket's ledger row,
 * a voicemail) and removed once Temporal has the workflow. One left behind means the start
 * failed or its process died in between; the reconciler then removes the half-made document, so
 * that nothing is stored without its workflow. Few at any time, so reading them all is cheap.
 */
export interface WorkflowStartDoc {
  /** The workflow id. */
  _id: string;
  kind: 'ticket' | 'voicemail';
  /** The ticket or voicemail id. */
  ref: string;
  createdAt: Date;
}

export const workflowStartSchema = new Schema<WorkflowStartDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['ticket', 'voicemail'] },
    ref: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'workflow_starts', versionKey: false },
);

export function workflowStartModel(connection: Connection): Model<WorkflowStartDoc> {
  return modelOn(connection, 'WorkflowStart', workflowStartSchema);
}
