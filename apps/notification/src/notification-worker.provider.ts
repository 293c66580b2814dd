import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { Storage } from '@court/database';
import { type NotificationDelivery } from '@court/notifications';
import { TASK_QUEUES, WorkerHost } from '@court/temporal';
import { Provider } from '@nestjs/common';
import { createNotificationActivities } from '../../../activities';
import { NOTIFICATION_DELIVERY } from './notification.providers';

export const NOTIFICATION_WORKER = Symbol('NOTIFICATION_WORKER');

/**
 * Hosts the `notifications` activities that the ticket workflows call, in the same process
 * as the inbox stream, sharing one delivery (provider, release timer, live fan-out).
 */
export const notificationWorkerProvider: Provider = {
  provide: NOTIFICATION_WORKER,
  inject: [SERVICE_CONFIG, Storage, NOTIFICATION_DELIVERY],
  useFactory: (config: ServiceConfig, storage: Storage, delivery: NotificationDelivery) =>
    new WorkerHost('notifications', config.temporal, async () => ({
      taskQueue: TASK_QUEUES.notifications,
      activities: createNotificationActivities({
        storage,
        delivery,
      }),
    })),
};
