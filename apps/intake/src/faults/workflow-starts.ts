import type { WorkflowStartDoc } from '@court/database';
import { TEMPORAL_CLIENT } from '@court/temporal';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';

/** How long a check of whether a workflow exists may take before it is left to the reconciler. */
const DESCRIBE_TIMEOUT_MS = 1_500;

export type StartOutcome = 'started' | 'rolled_back' | 'unknown';

/**
 * The bookkeeping that keeps "a ticket is either started or not stored": `begin` before the
 * document is written, `done` once Temporal has the workflow, `settle` when the start failed or
 * was left behind — it asks Temporal whether the workflow exists and either keeps the document
 * or removes it. Every step may run twice, in any process.
 */
@Injectable()
export class WorkflowStarts {
  private readonly logger = new Logger('WorkflowStarts');

  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async begin(kind: WorkflowStartDoc['kind'], ref: string, workflowId: string): Promise<void> {
    await this.store.workflowStarts.record({ _id: workflowId, kind, ref, createdAt: new Date() });
  }

  async done(workflowId: string): Promise<void> {
    await this.store.workflowStarts.remove(workflowId);
  }

  /** After a failed or abandoned start: keep what Temporal has, remove what it does not. */
  async settle(start: Pick<WorkflowStartDoc, '_id' | 'kind' | 'ref'>): Promise<StartOutcome> {
    try {
      await this.temporal.withDeadline(Date.now() + DESCRIBE_TIMEOUT_MS, () =>
        this.temporal.workflow.getHandle(start._id).describe(),
      );
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) return 'unknown';
      await this.rollBack(start);
      this.logger.warn(
        `${start.kind === 'ticket' ? '工单' : '留言'} ${start.ref} 的工作流未能启动，已撤销其记录 (workflow ${start._id} never started: record removed)`,
      );
      return 'rolled_back';
    }
    await this.done(start._id);
    return 'started';
  }

  private async rollBack(start: Pick<WorkflowStartDoc, '_id' | 'kind' | 'ref'>): Promise<void> {
    if (start.kind === 'ticket') {
      // Only a row the workflow never touched: one that moved on has a workflow after all.
      await this.store.ticketLedger.removeUnstarted(start.ref);
    } else {
      await this.store.voicemails.removeUnstarted(start.ref);
    }
    await this.done(start._id);
  }

  /** Starts older than `age`: left behind by a failure or a crash. */
  leftBehind(ageMs: number): Promise<WorkflowStartDoc[]> {
    return this.store.workflowStarts.olderThan(new Date(Date.now() - ageMs), 500);
  }
}
