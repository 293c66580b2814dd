import { TASK_QUEUES, TEMPORAL_CLIENT } from '@court/temporal';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  Client,
  ScheduleAlreadyRunning,
  type ScheduleOptionsAction,
  ScheduleOverlapPolicy,
  type ScheduleSpec,
} from '@temporalio/client';
import { BULLETIN_WORKFLOW_PREFIX } from '../../../workflows/bulletin/contract';
import {
  BULLETIN_SCHEDULE_ID,
  BULLETIN_TIMEZONE,
  REPORTING_SETTINGS,
  type ReportingSettings,
} from './reporting-settings';

/**
 * The Temporal Schedule that runs the bulletin workflow (default Mondays 09:00 Asia/Shanghai),
 * created on start, or updated to the configured spec when it exists (idempotent).
 */
@Injectable()
export class BulletinSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('BulletinSchedule');

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  spec(): ScheduleSpec {
    return {
      cronExpressions: [this.settings.bulletinSchedule ?? '0 9 * * 1'],
      timezone: BULLETIN_TIMEZONE,
    };
  }

  action(): ScheduleOptionsAction {
    return {
      type: 'startWorkflow',
      workflowType: 'bulletinWorkflow',
      workflowId: `${BULLETIN_WORKFLOW_PREFIX}scheduled`,
      taskQueue: TASK_QUEUES.reporting,
      args: [{ trigger: 'schedule', periodDays: this.settings.bulletinPeriodDays }],
      workflowExecutionTimeout: '1h',
      staticSummary: '定期情况通报',
    };
  }

  async ensure(): Promise<void> {
    if (!this.settings.bulletinSchedule) {
      this.logger.log('BULLETIN_SCHEDULE=off: no bulletin schedule created');
      return;
    }
    const spec = this.spec();
    const action = this.action();
    const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: 86_400_000 };
    try {
      await this.client.schedule.create({
        scheduleId: BULLETIN_SCHEDULE_ID,
        spec,
        action,
        policies,
        memo: { description: '情况通报（第八条、第九条）' },
      });
      this.logger.log(
        `bulletin schedule created: "${spec.cronExpressions?.[0]}" ${BULLETIN_TIMEZONE}`,
      );
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await this.client.schedule.getHandle(BULLETIN_SCHEDULE_ID).update((previous) => ({
        ...previous,
        spec,
        action,
        policies: { ...previous.policies, ...policies },
      }));
      this.logger.log(
        `bulletin schedule updated: "${spec.cronExpressions?.[0]}" ${BULLETIN_TIMEZONE}`,
      );
    }
  }
}
