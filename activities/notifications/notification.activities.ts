import type { Storage } from '@court/database';
import type { DeliverNoticesInput, NoticeBus, SmsProvider } from '@court/notifications';
import { NotificationDelivery } from '@court/notifications';

export interface NotificationActivityDeps {
  storage: Storage;
  now?: () => Date;
  /** Default: the outbox provider (stores as sent; nothing leaves the machine). */
  provider?: SmsProvider;
  bus?: NoticeBus;
  publicBaseUrl?: string;
  /** The service's shared delivery (its timer and streams); built from the above if absent. */
  delivery?: NotificationDelivery;
}

/**
 * The `notifications` activities. `deliverNotices` stores each notice's in-app notice and SMS
 * record under its key and returns: it never calls the SMS provider, so a provider that
 * refuses or hangs holds up no workflow. The service sends the SMS afterwards, at most once
 * per key (NotificationDelivery): at once from its send queue, when the quiet hours end
 * (escalations go at once), and after a refusal for now with back-off, at most
 * SMS_MAX_ATTEMPTS calls in all; a refusal for good (empty balance, sign or template
 * rejected, invalid number) fails it at once. A failed SMS is told to `group:supervisor`.
 * The activity fails (and Temporal retries it) only when the database does.
 */
export function createNotificationActivities(deps: NotificationActivityDeps) {
  const delivery =
    deps.delivery ??
    new NotificationDelivery({
      storage: deps.storage,
      now: deps.now,
      provider: deps.provider,
      bus: deps.bus,
      publicBaseUrl: deps.publicBaseUrl,
    });

  return {
    async deliverNotices(input: DeliverNoticesInput): Promise<number> {
      const outcomes = await Promise.allSettled(
        input.notices.map((notice) => delivery.deliver(notice, input.quietHours)),
      );
      const broken = outcomes.find((o) => o.status === 'rejected');
      if (broken) throw (broken as PromiseRejectedResult).reason;
      return input.notices.length;
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
