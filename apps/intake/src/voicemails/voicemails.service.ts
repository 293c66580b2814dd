import { randomUUID } from 'node:crypto';
import type { Principal } from '@court/auth';
import { isDuplicateKey, type VoicemailDoc, type VoicemailStatus } from '@court/database';
import {
  createCourtCalendar,
  formatShanghai,
  isIsoInstant,
  isoTime,
  maskPhone,
  parsePhone,
  shanghaiDate,
  toEpochMs,
} from '@court/domain';
import { TEMPORAL_CLIENT } from '@court/temporal';
import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  type VoicemailWorkflow,
  voicemailWorkflowId,
  voicemailWorkflowOptions,
} from '../../../../workflows/voicemail/contract';
import { TemporalAvailability } from '../faults/temporal-availability';
import { WorkflowStarts } from '../faults/workflow-starts';
import { bodyHash } from '../idempotency/body-hash';
import { IdempotencyRecords, keyReused } from '../idempotency/idempotency-records';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';
import type { VoicemailCreated } from './dto/voicemail-view.dto';

/** How long a voicemail's workflow start may take before the request answers 503. */
const START_TIMEOUT_MS = 3_000;

export interface VoicemailInput {
  callerPhone: string;
  receivedAt: string;
  recordingRef?: string | null;
}

interface CheckedVoicemail {
  phone: string;
  receivedAt: string;
  recordingRef: string | null;
}

function newVoicemailId(voicemail: CheckedVoicemail): string {
  return `V${shanghaiDate(voicemail.receivedAt).replace(/-/g, '')}-${randomUUID().slice(0, 8)}`;
}

/** Art. 6: voicemails left outside working hours, due at the start of the next working day. */
@Injectable()
export class VoicemailsService {
  private readonly logger = new Logger('Voicemails');

  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly availability: TemporalAvailability,
    private readonly starts: WorkflowStarts,
    private readonly keys: IdempotencyRecords,
  ) {}

  /** When it is due, on the court calendar with the overrides in force (the highest version). */
  private async dueAt(receivedAt: string): Promise<string> {
    const latest = await this.store.calendar.latest();
    const calendar = createCourtCalendar({
      overrides: latest?.data ?? null,
      workingHours: this.settings.workingHours,
    });
    return calendar.nextWorkingDayStart(receivedAt).at;
  }

  /**
   * Validate → (remember the key) → store → start the workflow. With an `Idempotency-Key`
   * (telephony retries), the same key and body answer the same voicemail, and a retry after a
   * failure completes it.
   */
  async create(
    body: VoicemailInput,
    user: Principal,
    idempotencyKey: string | undefined,
  ): Promise<{ replayed: boolean; body: VoicemailCreated }> {
    const checked = this.checked(body);
    // Nothing is stored while Temporal is away: 503 at once, and the retry starts afresh.
    await this.availability.ensure();
    if (idempotencyKey === undefined) {
      return { replayed: false, body: await this.saveAndStart(newVoicemailId(checked), checked) };
    }
    const key = `${user.id}:${idempotencyKey}`;
    const hash = bodyHash(body);
    let record = await this.keys.find(key);
    if (!record) {
      const id = newVoicemailId(checked);
      try {
        await this.keys.create({
          _id: key,
          scope: 'POST /api/voicemails',
          bodyHash: hash,
          voicemailId: id,
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        record = await this.keys.find(key); // another request stored the same key first
        if (!record) throw error;
      }
      if (!record) {
        const response = await this.saveAndStart(id, checked);
        await this.keys.saveResponse(key, response);
        return { replayed: false, body: response };
      }
    }
    if (record.bodyHash !== hash || !record.voicemailId) throw keyReused();
    if (record.response) {
      return { replayed: true, body: record.response as VoicemailCreated };
    }
    const response = await this.saveAndStart(record.voicemailId, checked);
    await this.keys.saveResponse(key, response);
    return { replayed: true, body: response };
  }

  private checked(body: VoicemailInput): CheckedVoicemail {
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
    return {
      phone: phone.value.normalized,
      receivedAt: new Date(toEpochMs(body.receivedAt)).toISOString(),
      recordingRef: body.recordingRef ?? null,
    };
  }

  /** Each step tolerates "already there", so that a retry completes the same voicemail. */
  private async saveAndStart(id: string, voicemail: CheckedVoicemail): Promise<VoicemailCreated> {
    const { receivedAt } = voicemail;
    const dueAt = await this.dueAt(receivedAt);
    const workflowId = voicemailWorkflowId(id);
    await this.starts.begin('voicemail', id, workflowId);
    await this.store.voicemails.insertNew({
      _id: id,
      callerPhone: voicemail.phone,
      receivedAt: new Date(receivedAt),
      recordingRef: voicemail.recordingRef,
      status: 'waiting',
      dueAt: new Date(dueAt),
      overdueAt: null,
      ticketId: null,
      loggedAt: null,
      provisional: false,
    });
    try {
      await this.temporal.withDeadline(Date.now() + START_TIMEOUT_MS, () =>
        this.temporal.workflow.start<VoicemailWorkflow>(
          'voicemailWorkflow',
          voicemailWorkflowOptions({ voicemailId: id, receivedAt }, this.settings.ticketsTaskQueue),
        ),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
        // A voicemail without its workflow would never come due: keep it only if Temporal has it.
        await this.starts.settle({ _id: workflowId, kind: 'voicemail', ref: id }).catch(() => {
          this.logger.warn(`留言 ${id} 的启动结果待补偿检查确认 (left to the reconciler)`);
        });
        throw error;
      }
    }
    await this.starts.done(workflowId).catch(() => undefined); // else the reconciler finds it started
    return { id, status: 'waiting', dueAt, dueAtLocal: formatShanghai(dueAt) };
  }

  private item(doc: VoicemailDoc, fullPhone: boolean) {
    return {
      id: doc._id,
      callerPhone: fullPhone ? (doc.callerPhone ?? '') : maskPhone(doc.callerPhone ?? ''),
      receivedAt: isoTime(doc.receivedAt),
      recordingRef: doc.recordingRef ?? null,
      status: doc.status,
      dueAt: isoTime(doc.dueAt),
      overdueAt: isoTime(doc.overdueAt),
      ticketId: doc.ticketId ?? null,
      loggedAt: isoTime(doc.loggedAt),
    };
  }

  async list(status: string | undefined) {
    const { docs, total } = await this.store.voicemails.queue(
      status as VoicemailStatus | undefined,
    );
    return { items: docs.map((d) => this.item(d, false)), total };
  }

  async get(id: string) {
    const doc = await this.store.voicemails.byId(id);
    if (!doc) throw new NotFoundException(`未找到留言 ${id}`);
    return this.item(doc, true);
  }
}
