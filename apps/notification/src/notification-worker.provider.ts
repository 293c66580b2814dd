import { SERVICE_CONFIG, ServiceConfig } from '@court/config';
import { directoryPersonModel, notificationModels } from '@court/database';
import { type NotificationDelivery } from '@court/notifications';
import { TASK_QUEUES, WorkerHost } from '@court/temporal';
import { Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { createNotificationActivities } from '../../../activities';
import { NOTIFICATION_DELIVERY } from './notification.providers';

export const NOTIFICATION_WORKER = Symbol('NOTIFICATION_WORKER');

/**
 * Hosts the `notifications` activities that the ticket workflows call, in the same process
 * as the inbox stream, sharing one delivery (provider, release timer, live fan-out).
 */
export const notificationWorkerProvider: Provider = {
  provide: NOTIFICATION_WORKER,
  inject: [SERVICE_CONFIG, getConnectionToken(), NOTIFICATION_DELIVERY],
  useFactory: (config: ServiceConfig, connection: Connection, delivery: NotificationDelivery) =>
    new WorkerHost('notifications', config.temporal, async () => ({
      taskQueue: TASK_QUEUES.notifications,
      activities: createNotificationActivities({
        models: notificationModels(connection),
        people: directoryPersonModel(connection),
        delivery,
      }),
    })),
};
