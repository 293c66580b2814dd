/**
 * The ticket (工单) model of API.md: channels, the six types of Article 3, complaint
 * categories, flags, statuses, dispositions, deadlines and timeline events. Types and labels
 * only; validation lives in `ticket-validation.ts`.
 *
 * Longer than our ~300 lines on purpose: it is one vocabulary (API.md's ticket), lists and
 * label tables without logic, read as a whole; the workflows and the web UI import it by path,
 * so a split would only add re-exports.
 */

import type { DispositionAction, DispositionTarget, Rule } from './disposition-types';
import type { Policy } from './policy';
import { type InstantInput, shanghaiDate } from './shanghai-time';

export type { DispositionAction, DispositionTarget, Rule } from './disposition-types';

/** ISO 8601 date-time with offset, e.g. `2026-11-28T09:00:00+08:00`. */
export type IsoDateTime = string;

export const CHANNELS = ['phone', 'voicemail'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  phone: '来电',
  voicemail: '留言',
};

/** Article 3: the six ticket types. */
export const TICKET_TYPES = [
  'case_inquiry',
  'litigation_consultation',
  'contact_judge',
  'petition',
  'complaint',
  'other',
] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TICKET_TYPE_LABELS: Readonly<Record<TicketType, string>> = {
  case_inquiry: '案件查询',
  litigation_consultation: '诉讼咨询',
  contact_judge: '联系法官',
  petition: '信访申诉',
  complaint: '投诉举报',
  other: '其他',
};

/** Sub-categories of 投诉举报, which decide between rules 4.4, 4.5 and 4.6. */
export const COMPLAINT_CATEGORIES = ['conduct', 'filing', 'enforcement', 'discipline'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_CATEGORY_LABELS: Readonly<Record<ComplaintCategory, string>> = {
  conduct: '法官作风、拖延办案、判决错误、不遵守回避规定等',
  filing: '立案问题（不立案、拖延立案、态度恶劣）',
  enforcement: '执行工作问题',
  discipline: '违反审判纪律、党纪法规（丢失卷宗、吃请受贿、隐匿证据等）',
};

export interface ComplaintDetails {
  readonly category: ComplaintCategory;
  /** 线索明确具体: decides 4.4 (not specific) vs 4.6 (specific) for conduct and discipline. */
  readonly specificClues: boolean;
}

export const FLAG_NAMES = ['urgent', 'abusive', 'litigationRights', 'couldNotReachJudge'] as const;
export type FlagName = (typeof FLAG_NAMES)[number];
export type TicketFlags = Readonly<Record<FlagName, boolean>>;
export const FLAG_LABELS: Readonly<Record<FlagName, string>> = {
  urgent: '过激言行或情况紧急（第四条第八项）',
  abusive: '辱骂法官或座席员、骚扰电话（第四条第七项）',
  litigationRights: '涉及当事人诉权（第十条重点回访）',
  couldNotReachJudge: '联系不上承办法官再次来电（第四条第二项）',
};
export const NO_FLAGS: TicketFlags = Object.freeze({
  urgent: false,
  abusive: false,
  litigationRights: false,
  couldNotReachJudge: false,
});

export const TICKET_STATUSES = [
  'open',
  'answered',
  'dispatched',
  'overdue',
  'reminded',
  'bulletined',
  'escalated',
  'handled',
  'closed',
  'returned',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  open: '已登记',
  answered: '已直接答复',
  dispatched: '已转办',
  overdue: '逾期（红灯）',
  reminded: '已催办',
  bulletined: '已通报',
  escalated: '已层报',
  handled: '已办理待回访',
  closed: '已办结',
  returned: '已退回',
};

/** An agent's decision to replace the proposed disposition (reason required). */
export interface DispositionOverride {
  readonly action: DispositionAction;
  /** The person the ticket goes to; may be null for a direct answer (the agent answers). */
  readonly targetId: string | null;
  readonly reason: string;
}

/** The body of `POST /api/tickets` and `POST /api/tickets/proposal`, after validation. */
export interface CreateTicketInput {
  readonly channel: Channel;
  readonly caller: { readonly name: string; readonly phone: string };
  readonly type: TicketType;
  readonly complaint: ComplaintDetails | null;
  /** Canonical form, e.g. `(2026)豫0782民初1号`. */
  readonly caseNumber: string | null;
  readonly content: string;
  readonly answer: string | null;
  readonly flags: TicketFlags;
  readonly ringAt: IsoDateTime | null;
  readonly answeredAt: IsoDateTime | null;
  readonly override: DispositionOverride | null;
  readonly voicemailId: string | null;
}

/** The deadlines of a ticket, each computed from the ticket's policy (null: not applicable). */
export interface TicketDeadlines {
  /** Art. 5: receipt + POLICY_DISPATCH_WITHIN. */
  readonly dispatchBy: IsoDateTime | null;
  /** Art. 7: dispatch + POLICY_FEEDBACK_WITHIN. */
  readonly feedbackBy: IsoDateTime | null;
  /** Art. 8: overdue + POLICY_REMINDER_WITHIN (working days). */
  readonly reminderBy: IsoDateTime | null;
  /** Art. 8: reminder + POLICY_BULLETIN_AFTER. */
  readonly bulletinBy: IsoDateTime | null;
  /** Art. 10: handled + POLICY_CALLBACK_WITHIN. */
  readonly callbackBy: IsoDateTime | null;
}
export const DEADLINE_NAMES = [
  'dispatchBy',
  'feedbackBy',
  'reminderBy',
  'bulletinBy',
  'callbackBy',
] as const satisfies readonly (keyof TicketDeadlines)[];
export const EMPTY_DEADLINES: TicketDeadlines = Object.freeze({
  dispatchBy: null,
  feedbackBy: null,
  reminderBy: null,
  bulletinBy: null,
  callbackBy: null,
});

/** What can happen to a ticket, in the order of its life. */
export const TIMELINE_EVENT_KINDS = [
  'created',
  'proposed',
  'overridden',
  'answered',
  'dispatched',
  'notified',
  'warning',
  'repeat_call',
  'overdue',
  'reminded',
  'bulletined',
  'leadership_reported',
  'escalated',
  'escalation_level_up',
  'acknowledged',
  'feedback',
  'handled',
  'callback_due',
  'callback',
  'deadline_recomputed',
  'closed',
  'accepted',
  'progress',
  'returned',
  'reassigned',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'extension_expired',
  'attachment',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];
export const TIMELINE_EVENT_LABELS: Readonly<Record<TimelineEventKind, string>> = {
  created: '登记工单',
  proposed: '系统建议处理方式',
  overridden: '座席员改变处理方式',
  answered: '直接答复',
  dispatched: '派发电子工单（转办）',
  notified: '短信及审判流程系统提示',
  warning: '黄灯预警',
  repeat_call: '再次来电',
  overdue: '逾期，红灯示警',
  reminded: '催办',
  bulletined: '列入通报',
  leadership_reported: '整理录音材料层报院领导',
  escalated: '层报',
  escalation_level_up: '未确认，层报上一级',
  acknowledged: '领导已确认',
  feedback: '承办人反馈办理结果',
  handled: '办理完毕',
  callback_due: '待回访',
  callback: '回访',
  deadline_recomputed: '日历更新，重新计算期限',
  closed: '办结',
  accepted: '承办人签收',
  progress: '进展说明',
  returned: '承办人退回（非本人办理范围）',
  reassigned: '改派',
  extension_requested: '申请延期',
  extension_approved: '同意延期',
  extension_refused: '不同意延期',
  extension_expired: '延期申请未获答复，原期限届满',
  attachment: '上传附件',
};

export interface TimelineEvent {
  readonly at: IsoDateTime;
  readonly kind: TimelineEventKind;
  /** Person id, or `system` for the platform itself. */
  readonly actor: string;
  readonly note: string | null;
}

export interface TicketFeedback {
  readonly result: string;
  readonly at: IsoDateTime;
  readonly by: string;
}

export interface TicketCallback {
  readonly reached: boolean;
  readonly satisfied: boolean | null;
  readonly note: string | null;
  readonly at: IsoDateTime;
  readonly by: string;
}

/** 延期: the handler asks for a later feedback deadline; the department head or a supervisor decides. */
export const EXTENSION_STATUSES = ['pending', 'approved', 'refused', 'expired'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export interface TicketExtension {
  readonly status: ExtensionStatus;
  readonly until: IsoDateTime;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: IsoDateTime;
  /** The feedback deadline when it was asked for (what stands when refused or unanswered). */
  readonly previousFeedbackBy: IsoDateTime | null;
  readonly decidedBy: string | null;
  readonly decidedAt: IsoDateTime | null;
  readonly note: string | null;
}

/** 进展说明: an interim reply; the ticket stays open. */
export interface ProgressNote {
  readonly at: IsoDateTime;
  readonly by: string;
  readonly note: string;
}

/** 退回: the handler addressed says the ticket is not theirs to handle. */
export interface TicketReturn {
  readonly at: IsoDateTime;
  readonly by: string;
  readonly departmentId: string | null;
  readonly reason: string;
}

/** 改派: the ticket goes to another handler; `lostMs` runs from the earlier dispatch to now. */
export interface TicketReassignment {
  readonly at: IsoDateTime;
  readonly by: string;
  readonly reason: string;
  readonly from: DispositionTarget | null;
  readonly fromDepartmentId: string | null;
  readonly to: DispositionTarget;
  readonly toDepartmentId: string | null;
  readonly lostMs: number;
}

export interface RepeatCall {
  readonly at: IsoDateTime;
  readonly note: string | null;
  readonly notHandledInTime: boolean;
}

/** The disposition a ticket carries: `action`, `rule`, `target` are API.md's; the rest adds. */
export interface TicketDisposition {
  readonly action: DispositionAction;
  readonly rule: Rule;
  readonly target: DispositionTarget | null;
  readonly explanation?: string;
  readonly overridden?: boolean;
  readonly overrideReason?: string | null;
}

/** A ticket as `GET /api/tickets/:id` returns it. */
export interface Ticket {
  readonly id: string;
  readonly workflowId: string;
  readonly channel: Channel;
  readonly type: TicketType;
  readonly complaint: ComplaintDetails | null;
  readonly caseNumber: string | null;
  readonly caller: { readonly name: string; readonly phone: string };
  readonly content: string;
  readonly answer: string | null;
  readonly flags: TicketFlags;
  readonly status: TicketStatus;
  readonly redLight: boolean;
  readonly disposition: TicketDisposition | null;
  readonly deadlines: TicketDeadlines;
  readonly feedback: TicketFeedback | null;
  readonly callback: TicketCallback | null;
  readonly repeatCalls: readonly RepeatCall[];
  readonly timeline: readonly TimelineEvent[];
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
  /** The policy the ticket started with and keeps for life. */
  readonly policy?: Policy;
}

/**
 * A ticket id as API.md shows it, `T20261128-0001`: the Shanghai date of receipt and a
 * per-day sequence number (which storage allocates).
 */
export function formatTicketId(receivedAt: InstantInput, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`工单序号应为正整数：${sequence}`);
  }
  return `T${shanghaiDate(receivedAt).replace(/-/g, '')}-${String(sequence).padStart(4, '0')}`;
}
