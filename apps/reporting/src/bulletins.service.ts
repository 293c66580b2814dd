import { randomUUID } from 'node:crypto';
import type { BulletinEntry, BulletinGroup } from '@court/database';
import { isoTime } from '@court/domain';
import type { LifecycleFigure, Metrics, Period, StoredBulletin } from '@court/reporting';
import { type HandlerView, inView, shanghaiMinute } from '@court/reporting';
import { TASK_QUEUES, TEMPORAL_CLIENT } from '@court/temporal';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  type BulletinWorkflow,
  type BulletinWorkflowResult,
  manualBulletinWorkflowId,
} from '../../../workflows/bulletin/contract';
import type {
  BulletinDto,
  BulletinEntryDto,
  BulletinListDto,
  MetricsDto,
  NamedFiguresDto,
} from './dto/bulletin.dto';
import type { ExportColumn } from './exports';
import { REPORTING_STORE, type ReportingStore } from './reporting.providers';

function entryJson(e: BulletinEntry): BulletinEntryDto {
  return {
    ...e,
    receivedAt: isoTime(e.receivedAt),
    dispatchedAt: isoTime(e.dispatchedAt),
    feedbackBy: isoTime(e.feedbackBy),
    overdueAt: isoTime(e.overdueAt),
    remindedAt: isoTime(e.remindedAt),
    bulletinedAt: isoTime(e.bulletinedAt),
    feedbackAt: isoTime(e.feedbackAt),
  };
}

/**
 * Bulletins stored through FerretDB by an upsert with $setOnInsert lost their empty lists
 * (the database drops empty arrays there); read them back as empty.
 */
function withLists(doc: StoredBulletin): StoredBulletin {
  return {
    ...doc,
    bulletined: doc.bulletined ?? [],
    overdue: doc.overdue ?? [],
    byDepartment: doc.byDepartment ?? [],
    byHandler: doc.byHandler ?? [],
    announcedTo: doc.announcedTo ?? [],
  };
}

/** The figures of 退回, 改派 and 延期 in a bulletin compiled before they were counted. */
const LIFECYCLE_FIGURES_BEFORE: Pick<Metrics, LifecycleFigure> = {
  returnsByDepartment: {},
  reassigned: 0,
  extensions: { requested: 0, approved: 0, refused: 0 },
};

/** A bulletin's entries in a handler's part (all of them without a view). */
export function entriesIn(list: BulletinEntry[], view?: HandlerView): BulletinEntry[] {
  return view ? list.filter((e) => inView(e, view)) : list;
}

/**
 * The stored figures a handler's part can be given honestly (rates do not add up, so only a
 * slice the bulletin stored as such): a plain handler's own (`byHandler`, the tickets addressed
 * to them); the head of one department, that department's (`byDepartment`: the tickets addressed
 * to them elsewhere are listed but not counted); the head of several departments, none (null).
 */
function figuresIn(figures: MetricsDto, view: HandlerView): NamedFiguresDto | null {
  if (view.departmentIds.length === 0) return figures.byHandler?.[view.handlerId] ?? null;
  if (view.departmentIds.length === 1) {
    return figures.byDepartment?.[view.departmentIds[0]!] ?? null;
  }
  return null;
}

/**
 * A bulletin as the API shows it; a handler sees only their part: the listed tickets addressed
 * to them or of the departments they head, counts of those, the groups cut down to those
 * tickets, and the figures of `figuresIn`.
 */
export function bulletinJson(doc: StoredBulletin, view?: HandlerView): BulletinDto {
  const bulletined = entriesIn(doc.bulletined, view);
  const overdue = entriesIn(doc.overdue, view);
  const visible = new Set([...bulletined, ...overdue].map((e) => e.id));
  const groups = (list: BulletinGroup[]) =>
    view
      ? list
          .map((g) => ({
            ...g,
            bulletined: g.bulletined.filter((id) => visible.has(id)),
            overdue: g.overdue.filter((id) => visible.has(id)),
          }))
          .filter((g) => g.bulletined.length + g.overdue.length > 0)
      : list;
  // The lifecycle's figures are zero in bulletins compiled before it.
  const figures: MetricsDto | null = doc.figures
    ? { ...LIFECYCLE_FIGURES_BEFORE, ...doc.figures }
    : doc.figures;
  return {
    id: doc._id,
    trigger: doc.trigger,
    requestedBy: doc.requestedBy,
    period: { from: isoTime(doc.period.from), to: isoTime(doc.period.to) },
    createdAt: isoTime(doc.createdAt),
    figures: view ? figuresIn(figures, view) : figures,
    counts: view ? { bulletined: bulletined.length, overdue: overdue.length } : doc.counts,
    truncated: doc.truncated,
    bulletined: bulletined.map(entryJson),
    overdue: overdue.map(entryJson),
    byDepartment: groups(doc.byDepartment),
    byHandler: groups(doc.byHandler),
    announcedTo: doc.announcedTo,
    announcedAt: isoTime(doc.announcedAt),
  };
}

export const BULLETIN_COLUMNS: ExportColumn[] = [
  { header: '工单编号', key: 'id', width: 16 },
  { header: '工单类型', key: 'type', width: 10 },
  { header: '承办部门', key: 'department', width: 18 },
  { header: '承办人', key: 'handler', width: 10 },
  { header: '受理时间', key: 'receivedAt', width: 17 },
  { header: '转办时间', key: 'dispatchedAt', width: 17 },
  { header: '反馈期限', key: 'feedbackBy', width: 17 },
  { header: '逾期时间', key: 'overdueAt', width: 17 },
  { header: '催办次数', key: 'reminders', width: 8 },
  { header: '通报时间', key: 'bulletinedAt', width: 17 },
  { header: '反馈时间', key: 'feedbackAt', width: 17 },
];

export function bulletinRow(e: BulletinEntry): (string | number)[] {
  return [
    e.id,
    e.typeLabel,
    e.departmentName ?? '',
    e.handlerName ?? '',
    shanghaiMinute(e.receivedAt),
    shanghaiMinute(e.dispatchedAt),
    shanghaiMinute(e.feedbackBy),
    shanghaiMinute(e.overdueAt),
    e.reminders,
    shanghaiMinute(e.bulletinedAt),
    shanghaiMinute(e.feedbackAt) || '未反馈',
  ];
}

@Injectable()
export class BulletinsService {
  constructor(
    @Inject(REPORTING_STORE) private readonly store: ReportingStore,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** A page of bulletins; a handler's counts are of their part (the lists are read for them). */
  async list(page: number, limit: number, view?: HandlerView): Promise<BulletinListDto> {
    const [docs, total] = await Promise.all([
      this.store.bulletins.page((page - 1) * limit, limit, view !== undefined),
      this.store.bulletins.count(),
    ]);
    return {
      items: docs.map((d) => ({
        id: d._id,
        trigger: d.trigger,
        requestedBy: d.requestedBy,
        period: { from: isoTime(d.period.from), to: isoTime(d.period.to) },
        createdAt: isoTime(d.createdAt),
        counts: view
          ? {
              // read with the lists (FerretDB may have dropped empty ones)
              bulletined: entriesIn(d.bulletined ?? [], view).length,
              overdue: entriesIn(d.overdue ?? [], view).length,
            }
          : d.counts,
        announcedAt: isoTime(d.announcedAt),
      })),
      total,
      page,
      limit,
    };
  }

  async get(id: string): Promise<StoredBulletin> {
    const doc = await this.store.bulletins.byId<StoredBulletin['figures']>(id);
    if (!doc) throw new NotFoundException(`通报不存在：${id}`);
    return withLists(doc);
  }

  /** Runs the bulletin workflow now for a period and returns the stored bulletin. */
  async generate(period: Period, requestedBy: string): Promise<StoredBulletin> {
    const result: BulletinWorkflowResult = await this.temporal.workflow.execute<BulletinWorkflow>(
      'bulletinWorkflow',
      {
        taskQueue: TASK_QUEUES.reporting,
        workflowId: manualBulletinWorkflowId(randomUUID()),
        workflowExecutionTimeout: '15m',
        args: [
          {
            trigger: 'manual',
            from: period.from?.toISOString() ?? null,
            to: (period.to ?? new Date()).toISOString(),
            requestedBy,
          },
        ],
        staticSummary: '按需生成情况通报',
      },
    );
    return this.get(result.bulletinId!);
  }
}
