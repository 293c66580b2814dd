import type { CalendarRearmDoc } from '@court/database';
import { TEMPORAL_CLIENT } from '@court/temporal';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { calendarChangedSignal } from '../../../../workflows/ticket/contract';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';

/** Workflows listed per page, and signalled per batch (one progress line each). */
const BATCH = 200;
/** Signals in flight at once. */
const CONCURRENCY = 32;
/** The workflows whose working-day deadlines follow the calendar. */
const WORKFLOW_TYPES = ['ticketWorkflow', 'voicemailWorkflow'] as const;

export interface RearmResult {
  version: number;
  total: number;
  signalled: number;
  gone: number;
  failed: number;
  ms: number;
}

/**
 * After a calendar import: `calendarChanged` with the new calendar version to every running
 * ticket and voicemail workflow on the intake's task queue, found through Temporal visibility
 * (`WorkflowType = … AND ExecutionStatus = 'Running'`), in pages of 200 with at most 32 signals
 * in flight, progress logged per batch and stored (`calendar_rearms`, by version).
 *
 * Runs in the background (the import answers once it is stored). Idempotent: a workflow whose
 * deadlines already follow that version ignores the signal, so a re-arm that did not finish
 * (the process died, a signal failed) is simply run again from the start when the intake next
 * starts. Imports in quick succession coalesce: the newest version is re-armed after the
 * current run.
 */
@Injectable()
export class CalendarRearmService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CalendarRearm');
  private running: Promise<void> | null = null;
  private pending: number | null = null;
  private stopping = false;
  /** The last finished re-arm (tests and the bench read it). */
  lastResult: RearmResult | null = null;

  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  onApplicationBootstrap(): void {
    // A re-arm cut short (the intake stopped mid-way) is resumed; workflows that already took
    // the version ignore it again.
    void this.resumeUnfinished().catch((error) =>
      this.logger.warn(`未能检查日历重算进度：${error instanceof Error ? error.message : error}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.pending = null;
    await this.running?.catch(() => undefined);
  }

  private async resumeUnfinished(): Promise<void> {
    const latest = await this.store.calendar.latest();
    if (!latest?.years) return; // no import through the API yet
    const progress = await this.store.calendar.rearmOf(latest._id);
    if (progress?.status === 'done') return;
    this.logger.log(`日历第 ${latest._id} 版的期限重算未完成，继续`);
    this.start(latest._id);
  }

  /** Starts (or queues) the re-arm for this calendar version; returns at once. */
  start(version: number): void {
    if (this.stopping) return;
    if (this.running) {
      this.pending = Math.max(this.pending ?? 0, version);
      return;
    }
    this.running = this.run(version)
      .then((result) => {
        this.lastResult = result;
      })
      .catch((error) =>
        this.logger.error(
          `日历第 ${version} 版的期限重算中断（下次启动时继续）：${error instanceof Error ? error.message : error}`,
        ),
      )
      .finally(() => {
        this.running = null;
        const next = this.pending;
        this.pending = null;
        if (next !== null && next >= version) this.start(next);
      });
  }

  /** Resolves when no re-arm is running or queued (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private query(type: string): string {
    const queue = this.settings.ticketsTaskQueue.replace(/'/g, "''");
    return `WorkflowType = '${type}' AND ExecutionStatus = 'Running' AND TaskQueue = '${queue}'`;
  }

  private async run(version: number): Promise<RearmResult> {
    const started = Date.now();
    const counts = await Promise.all(
      WORKFLOW_TYPES.map((type) => this.temporal.workflow.count(this.query(type))),
    );
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    const result: RearmResult = { version, total, signalled: 0, gone: 0, failed: 0, ms: 0 };
    const progress: CalendarRearmDoc = {
      _id: version,
      status: 'running',
      startedAt: new Date(started),
      finishedAt: null,
      signalled: 0,
      total,
    };
    await this.store.calendar.saveRearm(progress);
    this.logger.log(`日历第 ${version} 版：开始通知 ${total} 个在办工单和待处理留言重算期限`);

    for (const type of WORKFLOW_TYPES) {
      let batch: string[] = [];
      for await (const execution of this.temporal.workflow.list({
        query: this.query(type),
        pageSize: BATCH,
      })) {
        batch.push(execution.workflowId);
        if (batch.length >= BATCH) {
          await this.signalAll(batch, version, result);
          batch = [];
          await this.report(result, progress);
        }
        if (this.stopping) throw new Error('服务停止');
      }
      if (batch.length > 0) {
        await this.signalAll(batch, version, result);
        await this.report(result, progress);
      }
    }
    result.ms = Date.now() - started;
    progress.status = result.failed === 0 ? 'done' : 'running';
    progress.finishedAt = new Date();
    await this.store.calendar.saveRearm(progress);
    const line =
      `日历第 ${version} 版：已通知 ${result.signalled} 个工作流重算期限（共 ${total} 个，` +
      `${result.gone} 个已结束，${result.failed} 个失败），用时 ${result.ms} ms`;
    if (result.failed > 0) this.logger.warn(`${line}；失败的将在下次启动时重试`);
    else this.logger.log(line);
    return result;
  }

  private async report(result: RearmResult, progress: CalendarRearmDoc): Promise<void> {
    progress.signalled = result.signalled;
    this.logger.log(
      `re-armed ${result.signalled + result.gone}/${result.total}（日历第 ${result.version} 版）`,
    );
    await this.store.calendar.saveRearm(progress);
  }

  private async signalAll(ids: string[], version: number, result: RearmResult): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        try {
          await this.signalOne(id, version);
          result.signalled += 1;
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) {
            result.gone += 1; // finished since it was listed: nothing to re-arm
          } else {
            result.failed += 1;
            this.logger.warn(
              `${id}：未能通知重算期限：${error instanceof Error ? error.message : error}`,
            );
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  }

  private async signalOne(id: string, version: number): Promise<void> {
    const handle = this.temporal.workflow.getHandle(id);
    try {
      await handle.signal(calendarChangedSignal, { version });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw error;
      await handle.signal(calendarChangedSignal, { version }); // one retry for a transient error
    }
  }
}
