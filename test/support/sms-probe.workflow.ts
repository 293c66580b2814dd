import { proxyActivities } from '@temporalio/workflow';
import type { NotificationActivities } from '../../activities/notifications/notification.activities';
import type { DeliverNoticesInput } from '../../libs/notifications/src/notice';

/**
 * Test-only: delivers one batch the way the ticket workflow does (same retry policy shape),
 * on a task queue of the test's own, so that a test can watch Temporal's retries of
 * `deliverNotices` against a provider fake.
 */
export async function smsProbeWorkflow(input: {
  taskQueue: string;
  batch: DeliverNoticesInput;
}): Promise<number> {
  const { deliverNotices } = proxyActivities<NotificationActivities>({
    taskQueue: input.taskQueue,
    startToCloseTimeout: '30s',
    retry: { initialInterval: '500ms', maximumInterval: '2s' },
  });
  return deliverNotices(input.batch);
}
