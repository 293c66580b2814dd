import { proxyActivities, proxyLocalActivities, type RetryPolicy } from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar/calendar.activities';
import type { LedgerActivities } from '../../activities/ledger/ledger.activities';
import type { NotificationActivities } from '../../activities/notifications/notification.activities';
import type { PolicyActivities } from '../../activities/policy/policy.activities';
import { TASK_QUEUES } from '../../libs/domain/src/task-queues';

/** Domain errors that no retry can cure; listed by name in every retry policy. */
export const NON_RETRYABLE_ERRORS = ['ValidationError', 'RangeError', 'TypeError'];

const RETRY: RetryPolicy = {
  initialInterval: '1s',
  maximumInterval: '1m',
  nonRetryableErrorTypes: NON_RETRYABLE_ERRORS,
};

/** The ledger writes: local activities, one history event each. */
export function ledgerActivities(summary: string) {
  return proxyLocalActivities<LedgerActivities>({
    startToCloseTimeout: '15s',
    retry: RETRY,
    summary,
  });
}

/** Working days from the court calendar, recorded in history (replay never reads the data). */
export function calendarActivities(summary: string) {
  return proxyLocalActivities<CalendarActivities>({
    startToCloseTimeout: '15s',
    retry: RETRY,
    summary,
  });
}

/** Notices, on the notification service's task queue. */
export function notificationActivities(summary: string) {
  return proxyActivities<NotificationActivities>({
    taskQueue: TASK_QUEUES.notifications,
    startToCloseTimeout: '30s',
    retry: RETRY,
    summary,
  });
}

export const policyActivities = proxyLocalActivities<PolicyActivities>({
  startToCloseTimeout: '5s',
  retry: RETRY,
  summary: '读取工单策略（期限设置）',
});
