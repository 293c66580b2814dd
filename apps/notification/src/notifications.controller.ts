import { CurrentUser, type Principal, Roles } from '@court/auth';
import type { InboxNoticeDoc, SmsMessageDoc } from '@court/database';
import { Audited, type AuditSource, AuditTrail } from '@court/database';
import { isoTime } from '@court/domain';
import type { NotificationDelivery } from '@court/notifications';
import { FIRST_CLOCK_SEQ, RecentIds } from '@court/notifications';
import { countedSseStreams } from '@court/telemetry';
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

function smsView(m: SmsMessageDoc): SmsView {
  return {
    id: m._id,
    to: m.to,
    recipientId: m.recipientId,
    ticketId: m.ticketId,
    kind: m.kind,
    text: m.text,
    status: m.status,
    sendAfter: isoTime(m.sendAfter),
    sentAt: isoTime(m.sentAt),
    failure: m.failure,
    reason: m.reason ?? null,
    providerCode: m.providerCode ?? null,
    attempts: m.attempts ?? 0,
    provider: m.provider ?? null,
    createdAt: isoTime(m.createdAt)!,
  };
}

const HEARTBEAT_MS = 15_000;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController implements BeforeApplicationShutdown {
  /** Open streams, ended at shutdown (an open SSE response would hold the server open). */
  private readonly streams = countedSseStreams(new Set<() => void>());

  constructor(
    @Inject(NOTIFICATION_DELIVERY) private readonly delivery: NotificationDelivery,
    private readonly feedHost: NoticeFeedHost,
  ) {}

  private get notices() {
    return this.delivery.storage.notices;
  }

  @Get()
  @ApiOperation({ summary: '站内通知（审判流程系统提示，第五条）' })
  @ApiOkResponse({ type: NotificationList })
  async list(
    @Query() query: ListNotificationsQuery,
    @CurrentUser() user: Principal,
  ): Promise<NotificationList> {
    const recipients = readableInboxes(user, query.recipientId);
    const items = await this.notices.list({
      recipientIds: recipients,
      unreadOnly: query.unread,
      limit: query.limit ?? 50,
    });
    return { items: items.map(noticeView) };
  }

  @Get('stream')
  @ApiOperation({
    summary: '站内通知的服务器推送（SSE）',
    description:
      '事件 `notice`，`data` 同列表项；`id` 为本连接已推送通知的最大序号（只增不减）。断线重连时带 Last-Event-ID（或 ?lastEventId=）即补发其后的通知：序号由各通知进程各自的时钟产生，补发时回看一个窗口（NOTIFY_STREAM_LOOKBACK_MS），窗口内已收到的通知可能再次推送，请按通知 `id` 去重。',
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
    const resumeAfter =
      lastEventIdHeader && Number.isInteger(fromHeader) && fromHeader >= 0
        ? fromHeader
        : (query.lastEventId ?? null);

    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 3000\n\n');

    let closed = false;
    // The event id is the highest number sent so far, never lower than the client's own:
    // a notice that arrives late (a smaller number) must not move Last-Event-ID backwards.
    let high = resumeAfter ?? 0;
    const sent = new RecentIds();
    const send = (n: InboxNoticeDoc) => {
      if (closed || n.seq === undefined || sent.has(n._id)) return;
      sent.add(n._id, n.seq);
      if (sent.size > 256) sent.forgetUpTo(feed.floor());
      high = Math.max(high, n.seq);
      response.write(`id: ${high}\nevent: notice\ndata: ${JSON.stringify(noticeView(n))}\n\n`);
    };
    // Listen first, then replay what was missed from the database, then go live: everything
    // the feed passed on before we listened is in the database, so the two together miss
    // nothing, and `sent` drops what both bring.
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
      if (resumeAfter !== null) {
        // A notice committed just after the client's last one may carry a smaller number
        // (another process drew it first): look back. Numbers of the earlier gap-free
        // sequence need no look-back.
        let from = resumeAfter >= FIRST_CLOCK_SEQ ? resumeAfter - feed.lookBack() : resumeAfter;
        // page through what was missed (bounded: at most 20 pages of 500)
        for (let page = 0; page < 20 && !closed; page++) {
          const missed = await this.notices.after(from, 500, [...recipients]);
          for (const n of missed) send(n);
          if (missed.length < 500) break;
          from = missed[missed.length - 1]!.seq!;
        }
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
    const notice = await this.notices.byId(id);
    if (!notice) throw new NotFoundException({ statusCode: 404, message: '通知不存在' });
    const own = [user.id, ...user.roles.map((role) => `group:${role}`)];
    if (!own.includes(notice.recipientId) && !user.roles.includes('admin')) {
      throw new ForbiddenException({ statusCode: 403, message: '只能标记自己的通知' });
    }
    if (!notice.readAt) {
      await this.notices.markRead(id, new Date());
    }
    return noticeView((await this.notices.byId(id))!);
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
      '内置默认的 outbox 服务商只存库不外发。status: queued（待发送；被服务商暂时拒绝后按退避时间重试）| held（静默时段暂缓）| sending | sent | failed（失败：服务商永久拒绝、无手机号，或重试次数用尽；附原因与服务商错误码）| unknown（发送中断、不重发，需人工核实）。`to` 为完整号码：只有主管、管理员能调用本接口。',
  })
  @ApiOkResponse({ type: SmsList })
  async list(@Query() query: ListSmsQuery, @Audited() by: AuditSource): Promise<SmsList> {
    const items = await this.delivery.storage.smsOutbox.list(
      { ticketId: query.ticketId, recipientId: query.recipientId, status: query.status },
      query.limit ?? 100,
    );
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
