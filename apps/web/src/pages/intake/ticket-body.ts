/**
 * The intake form's values and the `POST /api/tickets` body they make. The form's field names
 * are the API's field paths (`caller.phone`, `override.reason`), so a 400's `errors[].field`
 * lands on its field as it is.
 */
import dayjs from 'dayjs';
import type { CreateTicketBody } from '../../api/types';
import type { ComplaintCategory, DispositionAction, TicketType } from '../../lib/labels';
import { COURT_ZONE, fromShanghaiLocal } from '../../lib/time';

export interface FlagValues {
  urgent: boolean;
  abusive: boolean;
  litigationRights: boolean;
  couldNotReachJudge: boolean;
}

export interface OverrideValues {
  action?: DispositionAction;
  targetId?: string;
  reason?: string;
}

export interface IntakeValues {
  caller: { name?: string; phone?: string };
  type?: TicketType;
  complaint?: { category?: ComplaintCategory; specificClues?: boolean };
  caseNumber?: string;
  content?: string;
  answer?: string;
  flags: FlagValues;
  /** Shanghai wall-clock `YYYY-MM-DDTHH:mm:ss` of a datetime-local field; '' for none. */
  ringAt?: string;
  answeredAt?: string;
  override?: OverrideValues;
}

/** Where the call came from: a live call, or a voicemail being logged (Art. 6). */
export interface CallSource {
  channel: 'phone' | 'voicemail';
  voicemailId: string | null;
}

export const PHONE_CALL: CallSource = { channel: 'phone', voicemailId: null };

export interface TicketOverride {
  action: DispositionAction;
  targetId: string;
  reason: string;
}

/** The body of `POST /api/tickets` and `/proposal` (API.md). */
export interface TicketBody {
  channel: 'phone' | 'voicemail';
  caller: { name: string; phone: string };
  type: TicketType | null;
  complaint: { category: ComplaintCategory | null; specificClues: boolean } | null;
  caseNumber: string | null;
  content: string;
  answer: string | null;
  flags: FlagValues;
  ringAt: string | null;
  answeredAt: string | null;
  override: TicketOverride | null;
  voicemailId?: string;
}

export const NO_FLAGS: FlagValues = {
  urgent: false,
  abusive: false,
  litigationRights: false,
  couldNotReachJudge: false,
};

/** An instant as the Shanghai wall clock of a datetime-local field with seconds (Art. 1 counts them). */
export function toLocalField(at: string | number | Date): string {
  return dayjs(at).tz(COURT_ZONE).format('YYYY-MM-DDTHH:mm:ss');
}

/**
 * Whether this change is the agent's first input on a fresh form, when the call's times are
 * stamped again: a console may stand open long before the call comes. Times the agent set
 * themselves, or a voicemail's, are kept.
 */
export function stampsCallTimes(
  changed: Partial<IntakeValues>,
  { stamped, voicemail }: { stamped: boolean; voicemail: boolean },
): boolean {
  return !stamped && !voicemail && !('ringAt' in changed) && !('answeredAt' in changed);
}

/** A fresh form: both times at the moment the call is taken. */
export function emptyValues(now: number = Date.now()): IntakeValues {
  const at = toLocalField(now);
  return {
    caller: { name: '', phone: '' },
    type: undefined,
    complaint: { category: undefined, specificClues: false },
    caseNumber: '',
    content: '',
    answer: '',
    flags: { ...NO_FLAGS },
    ringAt: at,
    answeredAt: at,
    override: undefined,
  };
}

const trimmed = (value: string | undefined | null): string => (value ?? '').trim();
const orNull = (value: string | undefined | null): string | null => trimmed(value) || null;

function instantOf(local: string | undefined): string | null {
  const value = trimmed(local);
  if (!value) return null;
  // An unreadable value goes as typed, so the API names the field.
  return fromShanghaiLocal(value) ?? value;
}

/** `投诉类别` and `有具体线索` belong to complaints only (Art. 4.4–4.6). */
export function showsComplaintFields(type: TicketType | undefined | null): boolean {
  return type === 'complaint';
}

/** The create body; the override only while the agent has it open. */
export function toTicketBody(
  values: IntakeValues,
  source: CallSource,
  overriding: boolean,
): TicketBody {
  const type = values.type ?? null;
  const body: TicketBody = {
    channel: source.channel,
    caller: { name: trimmed(values.caller?.name), phone: trimmed(values.caller?.phone) },
    type,
    complaint: showsComplaintFields(type)
      ? {
          category: values.complaint?.category ?? null,
          specificClues: values.complaint?.specificClues ?? false,
        }
      : null,
    caseNumber: orNull(values.caseNumber),
    content: trimmed(values.content),
    answer: orNull(values.answer),
    flags: { ...NO_FLAGS, ...values.flags },
    ringAt: instantOf(values.ringAt),
    answeredAt: instantOf(values.answeredAt),
    override: overriding ? overrideOf(values.override) : null,
  };
  if (source.voicemailId) body.voicemailId = source.voicemailId;
  return body;
}

function overrideOf(values: OverrideValues | undefined): TicketOverride {
  return {
    action: values?.action ?? 'transfer',
    targetId: trimmed(values?.targetId),
    reason: trimmed(values?.reason),
  };
}

/**
 * The API's field paths the form shows errors at (each also a form field name). The flags'
 * errors (a directory without leaders) go to the form's alert: a checkbox has no error line.
 */
export const FORM_FIELDS = [
  'caller.name',
  'caller.phone',
  'type',
  'complaint.category',
  'complaint.specificClues',
  'caseNumber',
  'content',
  'answer',
  'ringAt',
  'answeredAt',
  'override.action',
  'override.targetId',
  'override.reason',
] as const;

/** Errors the API reports on a whole object, shown at the field that fixes them. */
const FIELD_FOR_OBJECT: Record<string, string> = {
  caller: 'caller.name',
  complaint: 'complaint.category',
  override: 'override.targetId',
};

export function atFormFields<E extends { field: string }>(errors: readonly E[]): E[] {
  return errors.map((e) =>
    FIELD_FOR_OBJECT[e.field] ? { ...e, field: FIELD_FOR_OBJECT[e.field] } : e,
  );
}

/**
 * The form's body as the API's request type. The form sends what the agent has typed, missing
 * fields included, so that the API names each of them in its 400 (the domain's own checks).
 */
export const asRequestBody = (body: TicketBody) => body as unknown as CreateTicketBody;
