import type { DirectoryPersonDoc, NotificationModels } from '@court/database';
import { ApplicationFailure } from '@temporalio/common';
import type { Model } from 'mongoose';
import type { DeliverNoticesInput } from './notice';
import type { NoticeBus } from './notice-bus';
import { NotificationDelivery } from './notification-delivery';
import type { SmsProvider } from './sms/sms-provider';

/** The retryable failure type of a batch in which the provider refused some SMS for now. */
export const SMS_TRANSIENT_FAILURE = 'SmsTransientFailure';

export interface NotificationActivityDeps {
  models: NotificationModels;
  people: Model<DirectoryPersonDoc>;
  now?: () => Date;
  /** Default: the outbox provider (stores as sent; nothing leaves the machine). */
  provider?: SmsProvider;
  bus?: NoticeBus;
  publicBaseUrl?: string;
  /** The service's shared delivery (its timer and streams); built from the above if absent. */
  delivery?: NotificationDelivery;
}

/**
 * The `notifications` activities. `deliverNotices` stores each notice's in-app notice and
 * SMS under its key and sends the SMS through the provider, at most once per key (see
 * NotificationDelivery). Per SMS:
 * - quiet hours → held, released by the service's timer when they end (escalations go at once);
 * - refused for now (throttling) → the rest of the batch goes on, then the activity fails with
 *   a retryable `SmsTransientFailure`: Temporal retries it with back-off, and the retry only
 *   redoes what is not done;
 * - refused for good (invalid number, template rejected) or in doubt → recorded on the
 *   message (`failed` / `unknown` with the reason) and told to `group:supervisor`; the activity
 *   does not fail for it: nothing a retry could cure, and an activity failure would break the
 *   batch's other notices and the calling workflow's notification loop.
 */
export function createNotificationActivities(deps: NotificationActivityDeps) {
  const delivery =
    deps.delivery ??
    new NotificationDelivery({
      models: deps.models,
      people: deps.people,
      now: deps.now,
      provider: deps.provider,
      bus: deps.bus,
      publicBaseUrl: deps.publicBaseUrl,
    });

  return {
    async deliverNotices(input: DeliverNoticesInput): Promise<number> {
      // All notices of the batch at once: the in-app notices still take their sequence
      // numbers in batch order, and a slow provider call does not hold up the others (the
      // workflow gives the whole batch 30 s).
      const outcomes = await Promise.allSettled(
        input.notices.map((notice) => delivery.deliver(notice, input.quietHours)),
      );
      const broken = outcomes.find((o) => o.status === 'rejected');
      if (broken) throw (broken as PromiseRejectedResult).reason;
      const refused = input.notices
        .filter((_, i) => (outcomes[i] as PromiseFulfilledResult<unknown>).value === 'transient')
        .map((n) => n.key);
      if (refused.length > 0) {
        throw ApplicationFailure.retryable(
          `短信服务商暂时拒绝（限流），稍后重试：${refused.join(', ')}`,
          SMS_TRANSIENT_FAILURE,
        );
      }
      return input.notices.length;
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
