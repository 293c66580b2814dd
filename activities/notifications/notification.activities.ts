import type { DirectoryPersonDoc, NotificationModels } from '@court/database';
import { smsSendableAt } from '@court/domain';
import type { Model } from 'mongoose';
import type { DeliverNoticesInput, Notice } from './notice';
import { renderNotice } from './templates';

const DUPLICATE_KEY = 11000;

/** Inserts under a unique _id; false when that key was stored before (a retried activity). */
async function insertOnce<T>(model: Model<T>, doc: T): Promise<boolean> {
  try {
    await model.create(doc);
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
    throw error;
  }
}

export interface NotificationActivityDeps {
  models: NotificationModels;
  people: Model<DirectoryPersonDoc>;
  now?: () => Date;
}

/**
 * The first version of delivery: the in-app inbox and the SMS outbox in the database (the
 * embedded default's provider: nothing leaves the machine). Each notice's key is its id.
 */
export function createNotificationActivities(deps: NotificationActivityDeps) {
  const now = deps.now ?? (() => new Date());

  async function deliver(notice: Notice, input: DeliverNoticesInput): Promise<void> {
    const createdAt = now();
    const text = renderNotice(notice.kind, notice.facts);
    await insertOnce(deps.models.inbox, {
      _id: notice.key,
      recipientId: notice.recipientId,
      ticketId: notice.facts.ticketId,
      kind: notice.kind,
      text,
      createdAt,
      readAt: null,
    });
    if (!notice.sms || notice.recipientId.startsWith('group:')) return;

    const person = await deps.people.findById(notice.recipientId).lean();
    const sendAt = notice.urgent ? createdAt.getTime() : smsSendableAt(input.quietHours, createdAt);
    const held = sendAt > createdAt.getTime();
    await insertOnce(deps.models.sms, {
      _id: notice.key,
      to: person?.phone ?? null,
      recipientId: notice.recipientId,
      ticketId: notice.facts.ticketId,
      kind: notice.kind,
      text,
      status: person?.phone ? (held ? 'held' : 'sent') : 'failed',
      sendAfter: held ? new Date(sendAt) : null,
      failure: person?.phone ? null : 'no_phone: 通讯录中无此人手机号',
      createdAt,
    });
  }

  return {
    async deliverNotices(input: DeliverNoticesInput): Promise<number> {
      for (const notice of input.notices) await deliver(notice, input);
      return input.notices.length;
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
