import { Storage } from '@court/database';
// Not in the activities index: it loads the Alibaba Cloud SDK, which only this app needs.
import {
  createSmsProvider,
  loadNotificationSettings,
  NoticeBus,
  NoticeFeed,
  NotificationDelivery,
  type NotificationSettings,
  SmsReleaseScheduler,
} from '@court/notifications';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Provider,
} from '@nestjs/common';

export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');
export const NOTIFICATION_DELIVERY = Symbol('NOTIFICATION_DELIVERY');

/** SMS sends still under way get this long at shutdown before the process goes. */
const SEND_DRAIN_MS = 5_000;

/**
 * The release timer of SMS due later (quiet hours, back-off), started with the app and
 * stopped with it; at shutdown it lets the sends under way finish (briefly), so that fewer
 * are left in doubt.
 */
@Injectable()
export class SmsReleaseTimer implements OnApplicationBootstrap, OnModuleDestroy {
  readonly scheduler: SmsReleaseScheduler;

  constructor(@Inject(NOTIFICATION_DELIVERY) private readonly delivery: NotificationDelivery) {
    this.scheduler = new SmsReleaseScheduler(delivery, { logger: new Logger('SmsRelease') });
    releaseHooks.set(delivery, this.scheduler);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.scheduler.stop();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.delivery.idle(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, SEND_DRAIN_MS);
      }),
    ]);
    clearTimeout(timer);
  }
}

/** The feed of in-app notices that the SSE streams of this process listen to. */
@Injectable()
export class NoticeFeedHost implements OnApplicationBootstrap, OnModuleDestroy {
  readonly feed: NoticeFeed;

  constructor(
    @Inject(NOTIFICATION_DELIVERY) delivery: NotificationDelivery,
    @Inject(NOTIFICATION_SETTINGS) settings: NotificationSettings,
    bus: NoticeBus,
  ) {
    this.feed = new NoticeFeed(delivery.storage.notices, bus, {
      selfId: delivery.instanceId,
      pollMs: settings.stream.catchupMs,
      lookBackMs: settings.stream.lookBackMs,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.feed.start();
  }

  onModuleDestroy(): void {
    this.feed.stop();
  }
}

/** The delivery tells the timer of messages due later; the timer is made after it. */
const releaseHooks = new WeakMap<NotificationDelivery, SmsReleaseScheduler>();

export const notificationProviders: Provider[] = [
  NoticeBus,
  {
    provide: NOTIFICATION_SETTINGS,
    useFactory: (): NotificationSettings => loadNotificationSettings(process.env),
  },
  {
    provide: NOTIFICATION_DELIVERY,
    inject: [NOTIFICATION_SETTINGS, Storage, NoticeBus],
    useFactory: (settings: NotificationSettings, storage: Storage, bus: NoticeBus) => {
      const logger = new Logger('SmsDelivery');
      const delivery: NotificationDelivery = new NotificationDelivery({
        storage,
        provider: createSmsProvider(settings.sms),
        bus,
        publicBaseUrl: settings.publicBaseUrl,
        staleClaimMs: settings.staleClaimMs,
        retry: settings.smsRetry,
        onDueLater: (at) => releaseHooks.get(delivery)?.arm(at),
        logger,
        callerReceipt: settings.callerReceipt,
      });
      logger.log(
        `SMS provider: ${delivery.provider.name}; at most ${settings.smsRetry.maxAttempts} attempts per SMS; caller receipts ${settings.callerReceipt ? 'on' : 'off'}`,
      );
      return delivery;
    },
  },
  SmsReleaseTimer,
  NoticeFeedHost,
];
