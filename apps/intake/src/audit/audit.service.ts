import { type AuditEntryDoc, AuditTrail } from '@court/database';
import { isCivilDate, shanghaiInstant } from '@court/domain';
import {
  BadRequestException,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import type { AuditEntryView, AuditList, AuditQueryDto } from './dto/audit.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A `from`/`to` bound: a date is the Shanghai day (`to` includes it); null when not a time. */
function boundary(text: string, side: 'start' | 'end'): Date | null {
  if (isCivilDate(text)) return new Date(shanghaiInstant(text, side === 'end' ? 24 * 60 : 0));
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function view(doc: AuditEntryDoc): AuditEntryView {
  return {
    at: new Date(doc.at).toISOString(),
    actor: doc.actor,
    action: doc.action as AuditEntryView['action'],
    ticketId: doc.ticketId ?? null,
    target: doc.target ?? null,
    detail: doc.detail,
    requestId: doc.requestId ?? null,
    service: doc.service ?? null,
  };
}

/**
 * Reading the audit trail (admins) and keeping it to `AUDIT_RETENTION_DAYS`: a purge shortly
 * after start and then once a day, bounded per run (the rest the next day), logged.
 */
@Injectable()
export class AuditService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Audit');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly trail: AuditTrail,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  async list(query: AuditQueryDto): Promise<AuditList> {
    const from = query.from ? boundary(query.from, 'start') : undefined;
    const to = query.to ? boundary(query.to, 'end') : undefined;
    const errors = [
      ...(from === null ? [{ field: 'from', message: '开始时间应为 ISO 日期或时间' }] : []),
      ...(to === null ? [{ field: 'to', message: '结束时间应为 ISO 日期或时间' }] : []),
      ...(from && to && from >= to ? [{ field: 'to', message: '结束时间应晚于开始时间' }] : []),
    ];
    if (errors.length > 0) {
      throw new BadRequestException({ statusCode: 400, message: '请求参数有误', errors });
    }
    const page = query.page ?? 1;
    const limit = query.limit ?? 50;
    const result = await this.trail.store.page({
      actor: query.actor || undefined,
      ticketId: query.ticketId || undefined,
      from: from ?? undefined,
      to: to ?? undefined,
      page,
      limit,
    });
    return { items: result.items.map(view), total: result.total, page, limit };
  }

  /** Deletes entries older than the retention period (bounded); the number deleted. */
  async purge(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.settings.auditRetentionDays * DAY_MS);
    const started = Date.now();
    const deleted = await this.trail.store.purgeBefore(before);
    this.logger.log(
      `审计记录保留 ${this.settings.auditRetentionDays} 天：删除 ${before.toISOString()} 之前的 ${deleted} 条，用时 ${Date.now() - started} ms`,
    );
    return deleted;
  }

  onApplicationBootstrap(): void {
    const run = () => {
      this.purge().catch((error: Error) =>
        this.logger.error(`审计记录清理失败 audit purge failed: ${error.message}`),
      );
    };
    // First run a minute after start (not in the way of start-up), then daily.
    this.timer = setTimeout(() => {
      run();
      this.timer = setInterval(run, DAY_MS);
      this.timer.unref();
    }, 60_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
