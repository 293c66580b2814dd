/**
 * Validation of the create-ticket body (`POST /api/tickets`, `POST /api/tickets/proposal`)
 * shared by every entry point. It returns every problem at once, each with the field path
 * the API reports, and on success the normalised input (phone and case number in normal
 * form, text trimmed, flags defaulted to false).
 */

import { parseCaseNumber } from './case-number';
import { DISPOSITION_ACTIONS, type DispositionAction } from './disposition-types';
import { TEXT_LIMITS } from './limits';
import { parsePhone } from './phone';
import { charLength, type FieldError, fail, ok, type Result } from './result';
import { isIsoInstant, toEpochMs } from './shanghai-time';
import {
  CHANNELS,
  type Channel,
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
  type ComplaintDetails,
  type CreateTicketInput,
  type DispositionOverride,
  FLAG_NAMES,
  type FlagName,
  TICKET_TYPES,
  type TicketType,
} from './ticket';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * A required or optional text field: trimmed; empty counts as missing.
 * Returns the trimmed text, null when absent, or undefined after recording an error.
 */
function text(
  errors: FieldError[],
  field: string,
  value: unknown,
  opts: { required: string | null; max: number; label: string },
): string | null | undefined {
  if (isAbsent(value) || (typeof value === 'string' && value.trim() === '')) {
    if (opts.required !== null) {
      errors.push({ field, message: opts.required });
      return undefined;
    }
    return null;
  }
  if (typeof value !== 'string') {
    errors.push({ field, message: `${opts.label}应为文本` });
    return undefined;
  }
  const trimmed = value.trim();
  if (charLength(trimmed) > opts.max) {
    errors.push({ field, message: `${opts.label}不能超过${opts.max}个字` });
    return undefined;
  }
  return trimmed;
}

function oneOf<T extends string>(
  errors: FieldError[],
  field: string,
  value: unknown,
  allowed: readonly T[],
  label: string,
): T | undefined {
  if (isAbsent(value) || value === '') {
    errors.push({ field, message: `${label}不能为空，应为 ${allowed.join(' | ')} 之一` });
    return undefined;
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    errors.push({
      field,
      message: `${label}“${String(value)}”无效，应为 ${allowed.join(' | ')} 之一`,
    });
    return undefined;
  }
  return value as T;
}

function instant(
  errors: FieldError[],
  field: string,
  value: unknown,
  label: string,
): string | null {
  if (isAbsent(value) || value === '') return null;
  if (typeof value !== 'string' || !isIsoInstant(value)) {
    errors.push({
      field,
      message: `${label}应为带时区的ISO 8601时间，如 2026-11-28T09:00:00+08:00`,
    });
    return null;
  }
  return value.trim();
}

/** Validates and normalises a create-ticket body. */
export function parseCreateTicket(body: unknown): Result<CreateTicketInput> {
  const errors: FieldError[] = [];
  if (!isObject(body)) return fail([{ field: 'body', message: '请求体应为JSON对象' }]);

  // channel: phone unless said otherwise.
  const channel: Channel | undefined = isAbsent(body.channel)
    ? 'phone'
    : oneOf(errors, 'channel', body.channel, CHANNELS, '来电渠道');

  // Article 2: caller name, phone and content are mandatory.
  let callerName: string | null | undefined;
  let callerPhone: string | undefined;
  if (!isObject(body.caller)) {
    if (!isAbsent(body.caller)) errors.push({ field: 'caller', message: '来电人信息应为对象' });
    errors.push({ field: 'caller.name', message: '来电人姓名不能为空（第二条：每电必登）' });
    errors.push({ field: 'caller.phone', message: '联系电话不能为空（第二条：每电必登）' });
  } else {
    callerName = text(errors, 'caller.name', body.caller.name, {
      required: '来电人姓名不能为空（第二条：每电必登）',
      max: TEXT_LIMITS.callerName,
      label: '来电人姓名',
    });
    const rawPhone = text(errors, 'caller.phone', body.caller.phone, {
      required: '联系电话不能为空（第二条：每电必登）',
      max: TEXT_LIMITS.phone,
      label: '联系电话',
    });
    if (typeof rawPhone === 'string') {
      const parsed = parsePhone(rawPhone);
      if (parsed.ok) callerPhone = parsed.value.normalized;
      else errors.push({ field: 'caller.phone', message: parsed.message });
    }
  }
  const content = text(errors, 'content', body.content, {
    required: '反映事项的主要内容不能为空（第二条：每电必登）',
    max: TEXT_LIMITS.content,
    label: '反映事项内容',
  });

  // Article 3: the type; `complaint` exactly when the type is complaint.
  const type: TicketType | undefined = oneOf(errors, 'type', body.type, TICKET_TYPES, '工单类型');
  let complaint: ComplaintDetails | null = null;
  if (type === 'complaint') {
    if (!isObject(body.complaint)) {
      errors.push({
        field: 'complaint',
        message: '投诉举报类工单须填写投诉类别（complaint.category）',
      });
    } else {
      const category: ComplaintCategory | undefined = oneOf(
        errors,
        'complaint.category',
        body.complaint.category,
        COMPLAINT_CATEGORIES,
        '投诉类别',
      );
      // Clues count as clear and specific only when the agent says so (4.6); otherwise 4.4.
      let specificClues = false;
      if (!isAbsent(body.complaint.specificClues)) {
        if (typeof body.complaint.specificClues === 'boolean') {
          specificClues = body.complaint.specificClues;
        } else {
          errors.push({
            field: 'complaint.specificClues',
            message: '线索是否明确具体应为 true 或 false',
          });
        }
      }
      if (category) complaint = { category, specificClues };
    }
  } else if (type !== undefined && !isAbsent(body.complaint)) {
    errors.push({ field: 'complaint', message: '仅投诉举报类工单填写投诉类别' });
  }

  // 案号: optional, normalised.
  let caseNumber: string | null = null;
  const rawCase = text(errors, 'caseNumber', body.caseNumber, {
    required: null,
    max: TEXT_LIMITS.caseNumber,
    label: '案号',
  });
  if (typeof rawCase === 'string') {
    const parsed = parseCaseNumber(rawCase);
    if (parsed.ok) caseNumber = parsed.value.normalized;
    else errors.push({ field: 'caseNumber', message: parsed.message });
  }

  const answer = text(errors, 'answer', body.answer, {
    required: null,
    max: TEXT_LIMITS.answer,
    label: '答复内容',
  });

  // Flags default to false.
  const flags = {
    urgent: false,
    abusive: false,
    litigationRights: false,
    couldNotReachJudge: false,
  };
  if (!isAbsent(body.flags)) {
    if (!isObject(body.flags)) {
      errors.push({ field: 'flags', message: '标记应为对象' });
    } else {
      for (const name of FLAG_NAMES) {
        const v = body.flags[name];
        if (isAbsent(v)) continue;
        if (typeof v === 'boolean') flags[name as FlagName] = v;
        else errors.push({ field: `flags.${name}`, message: '标记应为 true 或 false' });
      }
    }
  }

  // Article 1: ring and answer times, when given.
  const ringAt = instant(errors, 'ringAt', body.ringAt, '来电振铃时间');
  const answeredAt = instant(errors, 'answeredAt', body.answeredAt, '接听时间');
  if (ringAt && answeredAt && toEpochMs(answeredAt) < toEpochMs(ringAt)) {
    errors.push({ field: 'answeredAt', message: '接听时间不能早于振铃时间' });
  }

  // An agent's override needs a reason.
  let override: DispositionOverride | null = null;
  if (!isAbsent(body.override)) {
    if (!isObject(body.override)) {
      errors.push({
        field: 'override',
        message: '改变处理方式应为对象 { action, targetId, reason }',
      });
    } else {
      const action: DispositionAction | undefined = oneOf(
        errors,
        'override.action',
        body.override.action,
        DISPOSITION_ACTIONS,
        '处理方式',
      );
      const targetId = text(errors, 'override.targetId', body.override.targetId, {
        required: action === 'direct_answer' ? null : '转办或层报须指定承办人（override.targetId）',
        max: TEXT_LIMITS.id,
        label: '承办人',
      });
      const reason = text(errors, 'override.reason', body.override.reason, {
        required: '改变系统建议的处理方式须说明理由',
        max: TEXT_LIMITS.overrideReason,
        label: '改变理由',
      });
      if (action && targetId !== undefined && typeof reason === 'string') {
        override = { action, targetId, reason };
      }
    }
  }

  // A voicemail ticket may name the voicemail it logs (Art. 6).
  const voicemailId = text(errors, 'voicemailId', body.voicemailId, {
    required: null,
    max: TEXT_LIMITS.id,
    label: '留言编号',
  });
  if (typeof voicemailId === 'string' && channel === 'phone') {
    errors.push({ field: 'voicemailId', message: '关联留言的工单来电渠道应为 voicemail' });
  }

  if (errors.length > 0) return fail(errors);
  return ok({
    channel: channel!,
    caller: { name: callerName!, phone: callerPhone! },
    type: type!,
    complaint,
    caseNumber,
    content: content!,
    answer: answer ?? null,
    flags,
    ringAt,
    answeredAt,
    override,
    voicemailId: voicemailId ?? null,
  });
}

/** The problems of a create-ticket body; empty when it is valid. */
export function validateCreateTicket(body: unknown): FieldError[] {
  const r = parseCreateTicket(body);
  return r.ok ? [] : [...r.errors];
}
