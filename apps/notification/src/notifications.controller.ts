import { CurrentUser, type Principal, Roles } from '@court/auth';
import type { InboxNoticeDoc, SmsMessageDoc } from '@court/database';
import { Audited, type AuditSource, AuditTrail } from '@court/database';
import {
  BeforeApplicationShutdown,
  Controller,
  ForbiddenException,
  Get,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { NotificationDelivery } from '../../../activities';
import {
  ListNotificationsQuery,
  ListSmsQuery,
  NotificationList,
  NotificationView,
  SmsList,
  type SmsView,
  StreamNotificationsQuery,
} from './dto/notification.dto';
import { NOTIFICATION_DELIVERY, NoticeFeedHost } from './notification.providers';

const READ_ANYONE = new Set(['supervisor', 'admin']);

/** The inboxes a user may read: their own, their roles' group inboxes; supervisors, admins: any. */
export function readableInboxes(user: Principal, recipientId?: string): string[] {
  const own = [user.id, ...user.roles.map((role) => `group:${role}`)];
  if (!recipientId) return own;
  if (own.includes(recipientId) || user.roles.some((role) => READ_ANYONE.has(role))) {
    return [recipientId];
  }
  throw new ForbiddenException({ statusCode: 403, message: '无权查看该收件人的通知' });
}

export function noticeView(n: InboxNoticeDoc): NotificationView {
  return {
    id: n._id,
    recipientId: n.recipientId,
    ticketId: n.ticketId,
    kind: n.kind,
    text: n.text,
    seq: n.seq ?? null,
    createdAt: new Date(n.createdAt).toISOString(),
    readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
  };
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

function smsView(m: SmsMessageDoc): SmsView {
  return {
    id: m._id,
    to: m.to,
    recipientId: m.recipientId,
    ticketId: m.ticketId,
    kind: m.kind,
    text: m.text,
    status: m.status,
    sendAfter: iso(m.sendAfter),
    sentAt: iso(m.sentAt),
    failure: m.failure,
    provider: m.provider ?? null,
    createdAt: iso(m.createdAt)!,
  };
}

const HEARTBEAT_MS = 15_000;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController implements BeforeApplicationShutdown {
  /** Open streams, ended at shutdown (an open SSE response would hold the server open). */
  private readonly streams = new Set<() => void>();

  constructor(
    @Inject(NOTIFICATION_DELIVERY) private readonly delivery: NotificationDelivery,
    private readonly feedHost: NoticeFeedHost,
  ) {}

  private get inbox() {
    return this.delivery.models.inbox;
  }

  @Get()
  @ApiOperation({ summary: '站内通知（审判流程系统提示，第五条）' })
  @ApiOkResponse({ type: NotificationList })
  async list(
    @Query() query: ListNotificationsQuery,
    @CurrentUser() user: Principal,
  ): Promise<NotificationList> {
    const recipients = readableInboxes(user, query.recipientId);
    const items = await this.inbox
      .find({
        recipientId: { $in: recipients },
        ...(query.unread ? { readAt: null } : {}),
      })
      .sort({ createdAt: -1, _id: 1 })
      .limit(query.limit ?? 50)
      .lean();
    return { items: items.map(noticeView) };
  }

  @Get('stream')
  @ApiOperation({
    summary: '站内通知的服务器推送（SSE）',
    description:
      '事件 `notice`，`id` 为通知序号，`data` 同列表项。断线重连时带 Last-Event-ID（或 ?lastEventId=）即补发其后的通知。',
  })
  @ApiProduces('text/event-stream')
  async stream(
    @Query() query: StreamNotificationsQuery,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @CurrentUser() user: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const recipients = new Set(readableInboxes(user, query.recipientId));
    const feed = this.feedHost.feed;
    const fromHeader = Number(lastEventIdHeader);
    let last =
      lastEventIdHeader && Number.isInteger(fromHeader) && fromHeader >= 0
        ? fromHeader
        : (query.lastEventId ?? feed.position());

    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 3000\n\n');

    let closed = false;
    const send = (n: InboxNoticeDoc) => {
      if (closed || n.seq === undefined || n.seq <= last) return;
      last = n.seq;
      response.write(`id: ${n.seq}\nevent: notice\ndata: ${JSON.stringify(noticeView(n))}\n\n`);
    };
    // Listen first, then replay what was missed from the database, then go live: the feed
    // passes notices on in order, and everything it passed on before we listened is in the
    // database, so the two together miss nothing.
    let replaying = true;
    const early: InboxNoticeDoc[] = [];
    const unsubscribe = feed.subscribe((n) => {
      if (!recipients.has(n.recipientId)) return;
      if (replaying) early.push(n);
      else send(n);
    });
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const end = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(heartbeat);
      this.streams.delete(end);
      response.end();
    };
    this.streams.add(end);
    request.on('close', end);

    try {
      // page through what was missed (bounded: at most 20 pages of 500)
      for (let page = 0; page < 20 && last < feed.position() && !closed; page++) {
        const missed = await this.inbox
          .find({ recipientId: { $in: [...recipients] }, seq: { $gt: last } })
          .sort({ seq: 1 })
          .limit(500)
          .lean();
        for (const n of missed) send(n);
        if (missed.length < 500) break;
      }
    } finally {
      replaying = false;
      for (const n of early) send(n);
    }
  }

  beforeApplicationShutdown(): void {
    for (const end of [...this.streams]) end();
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标记已读' })
  @ApiOkResponse({ type: NotificationView })
  async markRead(
    @Param('id') id: string,
    @CurrentUser() user: Principal,
  ): Promise<NotificationView> {
    const notice = await this.inbox.findById(id).lean();
    if (!notice) throw new NotFoundException({ statusCode: 404, message: '通知不存在' });
    const own = [user.id, ...user.roles.map((role) => `group:${role}`)];
    if (!own.includes(notice.recipientId) && !user.roles.includes('admin')) {
      throw new ForbiddenException({ statusCode: 403, message: '只能标记自己的通知' });
    }
    if (!notice.readAt) {
      const readAt = new Date();
      await this.inbox.updateOne({ _id: id, readAt: null }, { $set: { readAt } });
    }
    return noticeView((await this.inbox.findById(id).lean())!);
  }
}

@ApiTags('sms')
@ApiBearerAuth()
@Controller('api/sms')
export class SmsController {
  constructor(
    @Inject(NOTIFICATION_DELIVERY) private readonly delivery: NotificationDelivery,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: '交给短信服务商的短信（主管、管理员）',
    description:
      '内置默认的 outbox 服务商只存库不外发。status: held（静默时段暂缓）| sending | sent | failed（永久失败，附原因）| unknown（发送中断、不重发，需人工核实）。`to` 为完整号码：只有主管、管理员能调用本接口。',
  })
  @ApiOkResponse({ type: SmsList })
  async list(@Query() query: ListSmsQuery, @Audited() by: AuditSource): Promise<SmsList> {
    const filter: Record<string, unknown> = {};
    if (query.ticketId) filter.ticketId = query.ticketId;
    if (query.recipientId) filter.recipientId = query.recipientId;
    if (query.status) filter.status = query.status;
    const items = await this.delivery.models.sms
      .find(filter)
      .sort({ createdAt: 1, _id: 1 })
      .limit(query.limit ?? 100)
      .lean();
    if (items.length > 0) {
      // Full numbers are answered only once the read is recorded (fails closed: 503).
      const tickets = [...new Set(items.map((m) => m.ticketId).filter(Boolean))];
      await this.audit.revealing(by, {
        action: 'sms.read',
        ticketId: query.ticketId ?? (tickets.length === 1 ? tickets[0] : null),
        target: query.recipientId ?? null,
        detail: `查看短信 ${items.length} 条（含完整号码）`,
      });
    }
    return { items: items.map(smsView) };
  }
}
