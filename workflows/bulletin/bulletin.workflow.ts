import { log, proxyActivities, type RetryPolicy, workflowInfo } from '@temporalio/workflow';
import type { NotificationActivities } from '../../activities/notifications/notification.activities';
import type { ReportingActivities } from '../../activities/reporting/reporting.activities';
import { TASK_QUEUES } from '../../libs/domain/src/task-queues';
import type { BulletinWorkflowInput, BulletinWorkflowResult } from './contract';

const RETRY: RetryPolicy = {
  initialInterval: '1s',
  maximumInterval: '1m',
  nonRetryableErrorTypes: ['ValidationError', 'RangeError', 'TypeError'],
};

const reporting = proxyActivities<ReportingActivities>({
  taskQueue: TASK_QUEUES.reporting,
  startToCloseTimeout: '10m',
  retry: RETRY,
  summary: '台账汇总、生成通报',
});

const notifications = proxyActivities<NotificationActivities>({
  taskQueue: TASK_QUEUES.notifications,
  startToCloseTimeout: '1m',
  retry: RETRY,
  summary: '发送通报通知',
});

/** Notices per deliverNotices call. */
const NOTICE_BATCH = 100;

/** `B202611230900-1a2b3c4d`: the Shanghai minute the run started and the random end of its run id (run ids may be UUIDv7, time first). */
function bulletinIdOf(startMs: number, runId: string): string {
  const shanghai = new Date(startMs + 8 * 3_600_000).toISOString();
  const stamp = shanghai.slice(0, 16).replace(/[-T:]/g, '');
  return `B${stamp}-${runId.replace(/-/g, '').slice(-8)}`;
}

/**
 * A situation bulletin (情况通报, Art. 8, 9). Run by the reporting service's Temporal Schedule
 * (default Monday 09:00 Asia/Shanghai): on a day that is not a working day on the court
 * calendar it does nothing; otherwise it compiles the period's figures and the bulletined
 * and overdue tickets, stores the bulletin, and announces it through the notification service.
 * Also started on demand (`POST /api/bulletins`) for a given period.
 */
export async function bulletinWorkflow(
  input: BulletinWorkflowInput = {},
): Promise<BulletinWorkflowResult> {
  const trigger = input.trigger ?? 'schedule';
  const info = workflowInfo();
  const startedMs = Date.now();
  const at = new Date(startedMs).toISOString();

  let period: { from: string | null; to: string };
  if (trigger === 'schedule') {
    const day = await reporting.bulletinDay({ at });
    if (!day.working) {
      const reason = `${day.date} 不是工作日（${day.name ?? day.kind}），本次不发通报`;
      log.info(reason);
      return { skipped: true, reason, bulletinId: null, period: null, counts: null, announced: 0 };
    }
    period = await reporting.scheduledBulletinPeriod({ at, days: input.periodDays });
  } else {
    period = { from: input.from ?? null, to: input.to ?? at };
  }

  const summary = await reporting.compileBulletin({
    bulletinId: bulletinIdOf(startedMs, info.runId),
    workflowId: info.workflowId,
    trigger,
    requestedBy: input.requestedBy ?? null,
    from: period.from,
    to: period.to,
  });

  for (let i = 0; i < summary.notices.length; i += NOTICE_BATCH) {
    await notifications.deliverNotices({
      notices: summary.notices.slice(i, i + NOTICE_BATCH),
      quietHours: null,
    });
  }
  const recipients = [...new Set(summary.notices.map((n) => n.recipientId))];
  await reporting.markBulletinAnnounced({ bulletinId: summary.bulletinId, recipients });

  return {
    skipped: false,
    reason: null,
    bulletinId: summary.bulletinId,
    period: summary.period,
    counts: summary.counts,
    announced: summary.notices.length,
  };
}
