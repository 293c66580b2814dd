import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { WorkflowStarts } from './workflow-starts';

/** A start older than this cannot still be under way (every step of a create has a deadline). */
export const LEFT_BEHIND_AFTER_MS = 30_000;
const SWEEP_EVERY_MS = 10_000;

/**
 * Settles the workflow starts a failure or a crash left behind, within LEFT_BEHIND_AFTER_MS +
 * SWEEP_EVERY_MS (40 s) of the request: a ticket or voicemail whose workflow exists is kept, one
 * without is removed, and each is logged. Any intake process may do it; the steps are idempotent.
 */
@Injectable()
export class StartReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('StartReconciler');
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(private readonly starts: WorkflowStarts) {}

  /** One sweep: how many starts were kept, removed, or left for the next sweep. */
  async sweep(ageMs = LEFT_BEHIND_AFTER_MS) {
    const tally = { started: 0, rolled_back: 0, unknown: 0 };
    for (const start of await this.starts.leftBehind(ageMs)) {
      tally[await this.starts.settle(start)] += 1;
    }
    if (tally.started + tally.rolled_back + tally.unknown > 0) {
      this.logger.warn(
        `补偿检查：${tally.started} 个已启动（保留），${tally.rolled_back} 个未启动（已撤销），${tally.unknown} 个暂无法确认 (reconciled workflow starts)`,
      );
    }
    return tally;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.sweeping) return;
      this.sweeping = true;
      this.sweep()
        .catch((error: Error) => this.logger.warn(`补偿检查未完成，稍后重试：${error.message}`))
        .finally(() => {
          this.sweeping = false;
        });
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
