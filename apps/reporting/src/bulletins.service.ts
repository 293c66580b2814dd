import { randomUUID } from 'node:crypto';
import type { BulletinDoc, BulletinEntry, BulletinGroup } from '@court/database';
import { TASK_QUEUES, TEMPORAL_CLIENT } from '@court/temporal';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { shanghaiMinute } from '../../../activities/reporting/ledger-rows';
import type { Period } from '../../../activities/reporting/period';
import type { bulletinWorkflow } from '../../../workflows/bulletin/bulletin.workflow';
import {
  BULLETIN_WORKFLOW_PREFIX,
  type BulletinWorkflowResult,
} from '../../../workflows/bulletin/bulletin-input';
import type {
  BulletinDto,
  BulletinEntryDto,
  BulletinListDto,
  MetricsDto,
} from './dto/bulletin.dto';
import type { ExportColumn } from './exports';
import { REPORTING_MODELS, type ReportingModels } from './reporting.providers';

function iso(value: Date | string): string;
function iso(value: Date | string | null | undefined): string | null;
function iso(value: Date | string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

function entryJson(e: BulletinEntry): BulletinEntryDto {
  return {
    ...e,
    receivedAt: iso(e.receivedAt),
    dispatchedAt: iso(e.dispatchedAt),
    feedbackBy: iso(e.feedbackBy),
    overdueAt: iso(e.overdueAt),
    remindedAt: iso(e.remindedAt),
    bulletinedAt: iso(e.bulletinedAt),
    feedbackAt: iso(e.feedbackAt),
  };
}

/**
 * Bulletins stored through FerretDB by an upsert with $setOnInsert lost their empty lists
 * (the database drops empty arrays there); read them back as empty.
 */
function withLists(doc: BulletinDoc): BulletinDoc {
  return {
    ...doc,
    bulletined: doc.bulletined ?? [],
    overdue: doc.overdue ?? [],
    byDepartment: doc.byDepartment ?? [],
    byHandler: doc.byHandler ?? [],
    announcedTo: doc.announcedTo ?? [],
  };
}

/** A bulletin as the API shows it; a handler sees only their department's part. */
export function bulletinJson(doc: BulletinDoc, departmentId: string | null = null): BulletinDto {
  const mine = <T extends { departmentId: string | null }>(list: T[]) =>
    departmentId ? list.filter((e) => e.departmentId === departmentId) : list;
  const groups = (list: BulletinGroup[], key: 'id' | 'departmentId') =>
    departmentId
      ? list.filter((g) => (key === 'id' ? g.id : g.departmentId) === departmentId)
      : list;
  // Stored as the loosely typed document the bulletin activity wrote from a `Metrics`.
  const figures = doc.figures as unknown as MetricsDto;
  return {
    id: doc._id,
    trigger: doc.trigger,
    requestedBy: doc.requestedBy,
    period: { from: iso(doc.period.from), to: iso(doc.period.to) },
    createdAt: iso(doc.createdAt),
    figures: departmentId ? (figures.byDepartment?.[departmentId] ?? null) : figures,
    counts: departmentId
      ? {
          bulletined: mine(doc.bulletined).length,
          overdue: mine(doc.overdue).length,
        }
      : doc.counts,
    truncated: doc.truncated,
    bulletined: mine(doc.bulletined).map(entryJson),
    overdue: mine(doc.overdue).map(entryJson),
    byDepartment: groups(doc.byDepartment, 'id'),
    byHandler: groups(doc.byHandler, 'departmentId'),
    announcedTo: doc.announcedTo,
    announcedAt: iso(doc.announcedAt),
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
    @Inject(REPORTING_MODELS) private readonly models: ReportingModels,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async list(page: number, limit: number): Promise<BulletinListDto> {
    const [docs, total] = await Promise.all([
      this.models.bulletins
        .find({}, { figures: 0, bulletined: 0, overdue: 0 })
        .sort({ createdAt: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean(),
      this.models.bulletins.countDocuments({}),
    ]);
    return {
      items: docs.map((d) => ({
        id: d._id,
        trigger: d.trigger,
        requestedBy: d.requestedBy,
        period: { from: iso(d.period.from), to: iso(d.period.to) },
        createdAt: iso(d.createdAt),
        counts: d.counts,
        announcedAt: iso(d.announcedAt),
      })),
      total,
      page,
      limit,
    };
  }

  async get(id: string): Promise<BulletinDoc> {
    const doc = await this.models.bulletins.findById(id).lean();
    if (!doc) throw new NotFoundException(`通报不存在：${id}`);
    return withLists(doc as BulletinDoc);
  }

  /** Runs the bulletin workflow now for a period and returns the stored bulletin. */
  async generate(period: Period, requestedBy: string): Promise<BulletinDoc> {
    const result: BulletinWorkflowResult = await this.temporal.workflow.execute<
      typeof bulletinWorkflow
    >('bulletinWorkflow', {
      taskQueue: TASK_QUEUES.reporting,
      workflowId: `${BULLETIN_WORKFLOW_PREFIX}manual-${randomUUID()}`,
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
    });
    return this.get(result.bulletinId!);
  }
}
