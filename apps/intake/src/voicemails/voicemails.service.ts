import { randomUUID } from 'node:crypto';
import type { VoicemailDoc } from '@court/database';
import {
  type CalendarOverrides,
  createCourtCalendar,
  formatShanghai,
  isIsoInstant,
  maskPhone,
  parsePhone,
  parsePolicy,
  shanghaiDate,
  toEpochMs,
  type WorkingHours,
} from '@court/domain';
import { TEMPORAL_CLIENT, voicemailWorkflowOptions } from '@court/temporal';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { voicemailWorkflow } from '../../../../workflows/voicemail/voicemail.workflow';
import { INTAKE_MODELS, type IntakeModels } from '../intake-models';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';

function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

/** Art. 6: voicemails left outside working hours, due at the start of the next working day. */
@Injectable()
export class VoicemailsService {
  private readonly workingHours: WorkingHours = parsePolicy(process.env).workingHours;

  constructor(
    @Inject(INTAKE_MODELS) private readonly models: IntakeModels,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** When it is due, on the court calendar with the overrides in force (the highest version). */
  private async dueAt(receivedAt: string): Promise<string> {
    const latest = await this.models.calendarOverrides.findOne().sort({ _id: -1 }).lean();
    const calendar = createCourtCalendar({
      overrides: (latest?.data as CalendarOverrides | undefined) ?? null,
      workingHours: this.workingHours,
    });
    return calendar.nextWorkingDayStart(receivedAt).at;
  }

  async create(body: { callerPhone: string; receivedAt: string; recordingRef?: string | null }) {
    const errors: { field: string; message: string }[] = [];
    const phone = parsePhone(body.callerPhone);
    if (!phone.ok) errors.push({ field: 'callerPhone', message: phone.message });
    if (!isIsoInstant(body.receivedAt)) {
      errors.push({
        field: 'receivedAt',
        message: '留言时间应为带时区的ISO 8601时间，如 2026-11-28T22:10:00+08:00',
      });
    }
    if (!phone.ok || errors.length > 0) {
      throw new BadRequestException({ statusCode: 400, message: '请求参数有误', errors });
    }
    const receivedAt = new Date(toEpochMs(body.receivedAt)).toISOString();
    const dueAt = await this.dueAt(receivedAt);
    const id = `V${shanghaiDate(receivedAt).replace(/-/g, '')}-${randomUUID().slice(0, 8)}`;
    await this.models.voicemails.create({
      _id: id,
      callerPhone: phone.value.normalized,
      receivedAt: new Date(receivedAt),
      recordingRef: body.recordingRef ?? null,
      status: 'waiting',
      dueAt: new Date(dueAt),
      overdueAt: null,
      ticketId: null,
      loggedAt: null,
      provisional: false,
    });
    try {
      await this.temporal.workflow.start<typeof voicemailWorkflow>(
        'voicemailWorkflow',
        voicemailWorkflowOptions({ voicemailId: id, receivedAt }, this.settings.ticketsTaskQueue),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
        // Nothing half-made: a voicemail without its workflow would never come due.
        await this.models.voicemails.deleteOne({ _id: id });
        throw error;
      }
    }
    return { id, status: 'waiting', dueAt, dueAtLocal: formatShanghai(dueAt) };
  }

  private item(doc: VoicemailDoc, fullPhone: boolean) {
    return {
      id: doc._id,
      callerPhone: fullPhone ? (doc.callerPhone ?? '') : maskPhone(doc.callerPhone ?? ''),
      receivedAt: iso(doc.receivedAt),
      recordingRef: doc.recordingRef ?? null,
      status: doc.status,
      dueAt: iso(doc.dueAt),
      overdueAt: iso(doc.overdueAt),
      ticketId: doc.ticketId ?? null,
      loggedAt: iso(doc.loggedAt),
    };
  }

  async list(status: string | undefined) {
    const filter = status ? { status: status as VoicemailDoc['status'] } : {};
    const [docs, total] = await Promise.all([
      this.models.voicemails.find(filter).sort({ receivedAt: 1 }).limit(500).lean(),
      this.models.voicemails.countDocuments(filter),
    ]);
    return { items: docs.map((d) => this.item(d as VoicemailDoc, false)), total };
  }

  async get(id: string) {
    const doc = await this.models.voicemails.findById(id).lean();
    if (!doc) throw new NotFoundException(`未找到留言 ${id}`);
    return this.item(doc as VoicemailDoc, true);
  }
}
