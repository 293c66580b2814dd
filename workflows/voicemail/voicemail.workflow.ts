import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  type RetryPolicy,
  setHandler,
} from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar/calendar.activities';
import type { VoicemailLedgerActivities } from '../../activities/ledger/ledger.activities';
import type { NotificationActivities } from '../../activities/notifications/notification.activities';
import type { PolicyActivities } from '../../activities/policy/policy.activities';
import { TASK_QUEUES } from '../../libs/domain/src/task-queues';
import { GROUP_RECIPIENTS } from '../ticket/recipients';
import {
  calendarChangedSignal,
  getVoicemailQuery,
  type VoicemailLoggedInput,
  type VoicemailView,
  type VoicemailWorkflowInput,
  voicemailLoggedUpdate,
} from './contract';

const RETRY: RetryPolicy = { initialInterval: '1s', maximumInterval: '1m' };

/**
 * A waiting voicemail takes `calendarChanged` (the ticket's signal, with the calendar version):
 * its due time is computed again on the new calendar and its timer re-armed. Histories from
 * before the change never had the signal handled and replay as they were.
 */
export const VOICEMAIL_CALENDAR_REARM = 'voicemail-calendar-rearm';

/**
 * Art. 6: a voicemail waits until it is due (at once in working hours, else the start of the
 * next working day), then goes to the agents' inbox; not logged as a ticket by the end of that
 * working day, it turns red. Logging a ticket with its id completes it.
 */
export async function voicemailWorkflow(input: VoicemailWorkflowInput): Promise<VoicemailView> {
  const { voicemailId, receivedAt } = input;
  const policy =
    input.policy ??
    (await proxyLocalActivities<PolicyActivities>({
      startToCloseTimeout: '5s',
      retry: RETRY,
    }).currentPolicy());
  const calendar = (summary: string) =>
    proxyLocalActivities<CalendarActivities>({ startToCloseTimeout: '15s', retry: RETRY, summary });
  const { syncVoicemail } = proxyLocalActivities<VoicemailLedgerActivities>({
    startToCloseTimeout: '15s',
    retry: RETRY,
    summary: '写入留言队列',
  });
  const { deliverNotices } = proxyActivities<NotificationActivities>({
    taskQueue: TASK_QUEUES.notifications,
    startToCloseTimeout: '30s',
    retry: RETRY,
    summary: '通知座席员处理留言',
  });

  const due = await calendar('计算留言处理时间（次一工作日上班）').voicemailDueAt({
    receivedAt,
    workingHours: policy.workingHours,
  });
  const view: VoicemailView = {
    id: voicemailId,
    receivedAt,
    status: 'waiting',
    dueAt: due.at,
    overdueAt: null,
    ticketId: null,
    loggedAt: null,
    provisional: due.provisional,
  };
  const save = () => {
    const { id: _, ...fields } = view;
    return syncVoicemail({ voicemailId, ...fields });
  };
  const logged = () => view.status === 'logged';

  setHandler(getVoicemailQuery, () => ({ ...view }));
  setHandler(
    voicemailLoggedUpdate,
    async ({ ticketId }) => {
      view.status = 'logged';
      view.ticketId = ticketId;
      view.loggedAt = new Date().toISOString();
      await save();
      return { ...view };
    },
    {
      validator: (_: VoicemailLoggedInput) => {
        if (logged()) {
          throw ApplicationFailure.create({
            type: 'conflict',
            message: `留言已登记为工单 ${view.ticketId}`,
            nonRetryable: true,
          });
        }
      },
    },
  );

  let calendarVersion = due.calendarVersion;
  /** The version a `calendarChanged` asked for, while the voicemail waits (null: none pending). */
  let calendarRequested: number | null = null;
  setHandler(calendarChangedSignal, (signal) => {
    if (view.status !== 'waiting' || !patched(VOICEMAIL_CALENDAR_REARM)) return;
    const version = typeof signal?.version === 'number' ? signal.version : null;
    if (version !== null && version === calendarVersion) return; // already on it
    calendarRequested = version ?? calendarVersion + 1;
  });

  await save();
  // Waits until due; a calendar change recomputes the due time and re-arms the timer.
  for (;;) {
    const untilDue = Date.parse(view.dueAt!) - Date.now();
    if (untilDue <= 0 || logged()) break;
    await condition(() => logged() || calendarRequested !== null, untilDue, {
      summary: '等待次一工作日上班',
    });
    if (calendarRequested === null || logged()) continue;
    const minVersion = calendarRequested;
    calendarRequested = null;
    const again = await calendar('按新的法院日历重算留言处理时间').voicemailDueAt({
      receivedAt,
      workingHours: policy.workingHours,
      minVersion,
    });
    calendarVersion = again.calendarVersion;
    if (again.at !== view.dueAt || again.provisional !== view.provisional) {
      view.dueAt = again.at;
      view.provisional = again.provisional;
      if (!logged()) await save();
    }
  }
  if (!logged()) {
    view.status = 'due';
    await save();
    await deliverNotices({
      notices: [
        {
          key: `voicemail:${voicemailId}:due`,
          recipientId: GROUP_RECIPIENTS.agents,
          kind: 'voicemail',
          facts: { ticketId: null, voicemailId, deadline: view.dueAt },
          sms: false,
          urgent: false,
        },
      ],
      quietHours: policy.quietHours,
    });
    const endOfDay = await calendar('计算当日下班时间').endOfWorkingDay({
      at: view.dueAt!,
      workingHours: policy.workingHours,
    });
    const untilEnd = Date.parse(endOfDay.at) - Date.now();
    const inTime =
      untilEnd > 0 && (await condition(logged, untilEnd, { summary: '当日下班前须登记工单' }));
    if (!inTime && !logged()) {
      view.status = 'overdue';
      view.overdueAt = new Date().toISOString();
      await save();
      await condition(logged);
    }
  }
  await condition(allHandlersFinished);
  return { ...view };
}
