import type { Connection, Model } from 'mongoose';
import { type WorkflowStartDoc, workflowStartModel } from '../schemas/workflow-start.schema';

/**
 * The workflow starts under way (`workflow_starts`, one per workflow id), each written by the
 * process starting it and removed once Temporal has the workflow. Few at any time, so the
 * reconciler's scan of them is cheap.
 */
export class WorkflowStartRepository {
  constructor(private readonly starts: Model<WorkflowStartDoc>) {}

  static of(connection: Connection): WorkflowStartRepository {
    return new WorkflowStartRepository(workflowStartModel(connection));
  }

  /** Records a start (again, when a retry begins it anew). */
  async record(start: WorkflowStartDoc): Promise<void> {
    const { _id, ...fields } = start;
    await this.starts.updateOne({ _id }, { $set: fields }, { upsert: true });
  }

  async remove(workflowId: string): Promise<void> {
    await this.starts.deleteOne({ _id: workflowId });
  }

  /** Starts recorded before `before`, at most `limit`. */
  olderThan(before: Date, limit: number): Promise<WorkflowStartDoc[]> {
    return this.starts
      .find({ createdAt: { $lt: before } })
      .limit(limit)
      .lean<WorkflowStartDoc[]>()
      .exec();
  }
}
