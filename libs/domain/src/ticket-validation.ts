/**
 * Validation of the create-ticket body (`POST /api/tickets`, `POST /api/tickets/proposal`)
 * shared by every entry point. The body is read by its declaration (`CREATE_TICKET_BODY`:
 * presence, types, limits, codes, unknown fields), then the rules across fields apply. It
 * returns every problem at once, each with the field path the API reports, and on success
 * the normalised input (phone and case number in normal form, text trimmed, flags defaulted
 * to false).
 */

import {
  declaredPaths,
  isAbsent,
  isJsonObject,
  readFields,
  readObject,
  unknownFieldErrors,
} from './body-reader';
import { parseCaseNumber } from './case-number';
import { CREATE_TICKET_BODY } from './create-ticket-schema';
import { parsePhone } from './phone';
import { type FieldError, fail, ok, type Result } from './result';
import { toEpochMs } from './shanghai-time';
import type { ComplaintDetails, CreateTicketInput } from './ticket';

const { complaint: COMPLAINT, ...ALWAYS_READ } = CREATE_TICKET_BODY.fields;

/** Problems are reported in the declared order of their fields, unknown fields last. */
const REPORT_ORDER = new Map(declaredPaths(CREATE_TICKET_BODY.fields).map((p, i) => [p, i]));

function inReportOrder(errors: FieldError[]): FieldError[] {
  const rank = (e: FieldError) => REPORT_ORDER.get(e.field) ?? REPORT_ORDER.size;
  return errors.sort((a, b) => rank(a) - rank(b));
}

/** The normal form of a text read valid, or undefined after recording why it has none. */
function normalForm(
  errors: FieldError[],
  field: string,
  text: string | null | undefined,
  parse: (
    text: string,
  ) => { ok: true; value: { normalized: string } } | { ok: false; message: string },
): string | null | undefined {
  if (typeof text !== 'string') return text;
  const parsed = parse(text);
  if (parsed.ok) return parsed.value.normalized;
  errors.push({ field, message: parsed.message });
  return undefined;
}

/** Article 3: `complaint` is read exactly when the type is complaint, and refused otherwise. */
function complaintOf(
  errors: FieldError[],
  type: string | null | undefined,
  value: unknown,
): ComplaintDetails | null {
  if (type !== 'complaint') {
    if (!isAbsent(type) && !isAbsent(value)) {
      errors.push({ field: 'complaint', message: '仅投诉举报类工单填写投诉类别' });
    }
    return null;
  }
  if (!isJsonObject(value)) {
    errors.push({
      field: 'complaint',
      message: '投诉举报类工单须填写投诉类别（complaint.category）',
    });
    return null;
  }
  // Clues count as clear and specific only when the agent says so (4.6); otherwise 4.4.
  const { category, specificClues } = readObject(COMPLAINT, value, 'complaint', errors) ?? {};
  return category && typeof specificClues === 'boolean' ? { category, specificClues } : null;
}

/** Validates and normalises a create-ticket body (`CREATE_TICKET_BODY`, then Articles 1–4). */
export function parseCreateTicket(body: unknown): Result<CreateTicketInput> {
  if (!isJsonObject(body)) return fail([{ field: 'body', message: '请求体应为JSON对象' }]);
  const errors: FieldError[] = [];
  const read = readFields(ALWAYS_READ, body, '', errors);
  errors.push(...unknownFieldErrors(CREATE_TICKET_BODY.fields, body, ''));

  const callerPhone = normalForm(errors, 'caller.phone', read.caller?.phone, parsePhone);
  const complaint = complaintOf(errors, read.type, body.complaint);
  const caseNumber = normalForm(errors, 'caseNumber', read.caseNumber, parseCaseNumber);

  // Article 1: the call is answered after it rings.
  const { ringAt, answeredAt } = read;
  if (ringAt && answeredAt && toEpochMs(answeredAt) < toEpochMs(ringAt)) {
    errors.push({ field: 'answeredAt', message: '接听时间不能早于振铃时间' });
  }

  // An agent's override names who takes the ticket, unless the agent answers it.
  const override = read.override;
  if (override && override.action !== 'direct_answer' && override.targetId === null) {
    errors.push({
      field: 'override.targetId',
      message: '转办或层报须指定承办人（override.targetId）',
    });
  }

  // A voicemail ticket may name the voicemail it logs (Art. 6).
  if (typeof read.voicemailId === 'string' && read.channel === 'phone') {
    errors.push({ field: 'voicemailId', message: '关联留言的工单来电渠道应为 voicemail' });
  }

  if (errors.length > 0) return fail(inReportOrder(errors));
  const { channel, caller, type, content, answer, flags } = read;
  return ok({
    channel: channel!,
    caller: { name: caller!.name!, phone: callerPhone! },
    type: type!,
    complaint,
    caseNumber: caseNumber ?? null,
    content: content!,
    answer: answer ?? null,
    flags: flags as CreateTicketInput['flags'],
    ringAt: ringAt ?? null,
    answeredAt: answeredAt ?? null,
    override: override
      ? { action: override.action!, targetId: override.targetId ?? null, reason: override.reason! }
      : null,
    voicemailId: read.voicemailId ?? null,
  });
}

/** The problems of a create-ticket body; empty when it is valid. */
export function validateCreateTicket(body: unknown): FieldError[] {
  const r = parseCreateTicket(body);
  return r.ok ? [] : [...r.errors];
}
