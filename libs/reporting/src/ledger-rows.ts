import type { TicketLedgerDoc } from '@court/database';
import {
  DISPOSITION_ACTION_LABELS,
  formatShanghai,
  type LedgerDisposition,
  maskPhone,
  ruleName,
  TICKET_STATUS_LABELS,
  TICKET_TYPE_LABELS,
  type TicketStatus,
  type TicketType,
} from '@court/domain';

/*
 * A ledger (台账) ticket as a row: the JSON item of `GET /api/reports/ledger` and the exported
 * row with its columns. Which tickets: ledger-query.ts; CSV: csv.ts.
 */

/** What a ledger row reads of the ticket document. */
export const LEDGER_PROJECTION = {
  _id: 1,
  type: 1,
  channel: 1,
  caseNumber: 1,
  caller: 1,
  content: 1,
  status: 1,
  redLight: 1,
  disposition: 1,
  handlerId: 1,
  departmentId: 1,
  deadlines: 1,
  receivedAt: 1,
  dispatchedAt: 1,
  overdueAt: 1,
  remindedAt: 1,
  reminders: 1,
  bulletinedAt: 1,
  feedback: 1,
  callbackDue: 1,
  keyCallback: 1,
  callback: 1,
  closedAt: 1,
  ringAt: 1,
  answeredAt: 1,
  loggedBy: 1,
  acceptedAt: 1,
  returns: 1,
  reassignments: 1,
  extension: 1,
  extensions: 1,
} as const satisfies Partial<Record<keyof TicketLedgerDoc, 1>>;

/**
 * A ledger row's part of the ticket document (LEDGER_PROJECTION): the same type, read in part,
 * each field possibly absent (documents logged before it existed; hand-built rows in tests).
 */
export type LedgerDoc = Pick<TicketLedgerDoc, '_id'> &
  Partial<Pick<TicketLedgerDoc, keyof typeof LEDGER_PROJECTION>>;

export interface LedgerNames {
  department(id: string): string;
  person(id: string): string;
}

/** Content summaries in exports keep this many characters. */
export const SUMMARY_LENGTH = 60;

export function summarize(text: string | null | undefined, length = SUMMARY_LENGTH): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : flat;
}

/** `2026-11-28 09:00` in Shanghai time, or '' . */
export function shanghaiMinute(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return '';
  return formatShanghai(at).slice(0, 16).replace('T', ' ');
}

/** The disposition's fields a row shows (all absent when the ticket has none). */
function dispositionOf(doc: LedgerDoc): Partial<LedgerDisposition> {
  return doc.disposition ?? {};
}

export function callbackResult(doc: LedgerDoc): string {
  const callback = doc.callback;
  if (callback) {
    if (!callback.reached) return '未联系上';
    if (callback.satisfied === true) return '已回访，满意';
    if (callback.satisfied === false) return '已回访，不满意';
    return '已回访';
  }
  return doc.callbackDue ? (doc.keyCallback ? '待回访（重点回访）' : '待回访') : '无需回访';
}

function yesNo(value: Date | null | undefined): string {
  return value ? '是' : '否';
}

/** The columns of the exported ledger, with their Chinese headers and widths (Excel). */
export const LEDGER_COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '工单编号', key: 'id', width: 16 },
  { header: '受理时间', key: 'receivedAt', width: 17 },
  { header: '工单类型', key: 'type', width: 10 },
  { header: '来电人', key: 'callerName', width: 10 },
  { header: '来电号码', key: 'callerPhone', width: 14 },
  { header: '案号', key: 'caseNumber', width: 22 },
  { header: '主要内容', key: 'content', width: 40 },
  { header: '处理方式', key: 'action', width: 10 },
  { header: '依据条款', key: 'rule', width: 16 },
  { header: '承办人', key: 'handler', width: 10 },
  { header: '承办部门', key: 'department', width: 18 },
  { header: '转办时间', key: 'dispatchedAt', width: 17 },
  { header: '反馈期限', key: 'feedbackBy', width: 17 },
  { header: '反馈时间', key: 'feedbackAt', width: 17 },
  { header: '反馈结果', key: 'feedbackResult', width: 30 },
  { header: '状态', key: 'status', width: 12 },
  { header: '是否逾期', key: 'overdue', width: 8 },
  { header: '催办次数', key: 'reminders', width: 8 },
  { header: '是否通报', key: 'bulletined', width: 8 },
  { header: '回访结果', key: 'callback', width: 16 },
  { header: '签收时间', key: 'acceptedAt', width: 17 },
  { header: '退回次数', key: 'returns', width: 8 },
  { header: '改派记录', key: 'reassignments', width: 30 },
  { header: '延期', key: 'extension', width: 24 },
];

/** `12月10日17:30` in Shanghai time, or ''. */
export function shanghaiMonthDay(value: Date | string | null | undefined): string {
  const minute = shanghaiMinute(value); // `2026-12-10 17:30`
  if (!minute) return '';
  const [, month, day, clock] = /^\d{4}-(\d{2})-(\d{2}) (\d{2}:\d{2})$/.exec(minute)!;
  return `${Number(month)}月${Number(day)}日${clock}`;
}

type Reassignment = NonNullable<TicketLedgerDoc['reassignments']>[number];
type Extension = NonNullable<TicketLedgerDoc['extension']>;

/** The reassignments in order of time (as recorded). */
function reassignmentsOf(doc: LedgerDoc): Reassignment[] {
  return Array.isArray(doc.reassignments) ? doc.reassignments : [];
}

/** 改派记录: `张三→李四（理由）`, one per reassignment, `；` between them. */
export function reassignmentText(doc: LedgerDoc, names: LedgerNames): string {
  const name = (person: { id: string; name?: string } | null | undefined) =>
    person ? person.name || names.person(person.id) : '（未指派）';
  return reassignmentsOf(doc)
    .map((r) => `${name(r.from)}→${name(r.to)}${r.reason ? `（${r.reason}）` : ''}`)
    .join('；');
}

/** The latest extension request: `extension`, else the last of `extensions`. */
function latestExtension(doc: LedgerDoc): Extension | null {
  if (doc.extension) return doc.extension;
  const all = Array.isArray(doc.extensions) ? doc.extensions : [];
  return all.length > 0 ? all[all.length - 1]! : null;
}

/** 延期: the latest request, e.g. `已同意至12月10日17:30`, `申请延期至12月10日17:30（待审批）`. */
export function extensionText(doc: LedgerDoc): string {
  const e = latestExtension(doc);
  if (!e) return '';
  const until = shanghaiMonthDay(e.until);
  switch (e.status) {
    case 'approved':
      return `已同意至${until}`;
    case 'refused':
      return `未同意（申请至${until}）`;
    case 'expired':
      return `未获答复，按原期限（申请至${until}）`;
    default:
      return `申请延期至${until}（待审批）`;
  }
}

/** One exported row (strings and a number), in LEDGER_COLUMNS order. Phones masked. */
export function ledgerRow(doc: LedgerDoc, names: LedgerNames): (string | number)[] {
  const d = dispositionOf(doc);
  const handlerId = doc.handlerId ?? null;
  const departmentId = doc.departmentId ?? d.departmentId ?? null;
  return [
    doc._id,
    shanghaiMinute(doc.receivedAt),
    TICKET_TYPE_LABELS[doc.type as TicketType] ?? doc.type ?? '',
    doc.caller?.name ?? '',
    doc.caller?.phone ? maskPhone(doc.caller.phone) : '',
    doc.caseNumber ?? '',
    summarize(doc.content),
    d.action ? (DISPOSITION_ACTION_LABELS[d.action] ?? d.action) : '',
    d.rule ? `${ruleName(d.rule)}（${d.rule}）` : '',
    handlerId ? (d.target?.id === handlerId ? d.target.name : names.person(handlerId)) : '',
    departmentId ? names.department(departmentId) : '',
    shanghaiMinute(doc.dispatchedAt),
    shanghaiMinute(doc.deadlines?.feedbackBy ?? null),
    shanghaiMinute(doc.feedback?.at ?? null),
    doc.feedback?.result ?? '',
    TICKET_STATUS_LABELS[doc.status as TicketStatus] ?? doc.status ?? '',
    yesNo(doc.overdueAt),
    doc.reminders ?? 0,
    yesNo(doc.bulletinedAt),
    callbackResult(doc),
    shanghaiMinute(doc.acceptedAt),
    Array.isArray(doc.returns) ? doc.returns.length : 0,
    reassignmentText(doc, names),
    extensionText(doc),
  ];
}

/** A ledger entry as the JSON API returns it (phones masked). */
export function ledgerItem(doc: LedgerDoc, names: LedgerNames) {
  const d = dispositionOf(doc);
  const iso = (value: Date | string | null | undefined) =>
    value ? formatShanghai(value instanceof Date ? value : new Date(value)) : null;
  const departmentId = doc.departmentId ?? d.departmentId ?? null;
  return {
    id: doc._id,
    receivedAt: iso(doc.receivedAt),
    type: doc.type ?? null,
    typeLabel: TICKET_TYPE_LABELS[doc.type as TicketType] ?? null,
    channel: doc.channel ?? null,
    caller: doc.caller
      ? { name: doc.caller.name, phone: doc.caller.phone ? maskPhone(doc.caller.phone) : null }
      : null,
    caseNumber: doc.caseNumber ?? null,
    contentSummary: summarize(doc.content),
    disposition: d.action
      ? {
          action: d.action,
          actionLabel: DISPOSITION_ACTION_LABELS[d.action] ?? d.action,
          rule: d.rule ?? null,
          ruleName: d.rule ? ruleName(d.rule) : null,
          target: d.target ?? null,
        }
      : null,
    handler: doc.handlerId
      ? {
          id: doc.handlerId,
          name: d.target?.id === doc.handlerId ? d.target.name : names.person(doc.handlerId),
        }
      : null,
    department: departmentId ? { id: departmentId, name: names.department(departmentId) } : null,
    status: doc.status ?? null,
    statusLabel: TICKET_STATUS_LABELS[doc.status as TicketStatus] ?? null,
    redLight: doc.redLight ?? false,
    dispatchedAt: iso(doc.dispatchedAt),
    feedbackBy: iso(doc.deadlines?.feedbackBy ?? null),
    feedback: doc.feedback ? { at: iso(doc.feedback.at), result: doc.feedback.result } : null,
    overdueAt: iso(doc.overdueAt),
    remindedAt: iso(doc.remindedAt),
    reminders: doc.reminders ?? 0,
    bulletinedAt: iso(doc.bulletinedAt),
    callback: doc.callback
      ? {
          at: iso(doc.callback.at),
          reached: doc.callback.reached,
          satisfied: doc.callback.satisfied,
        }
      : null,
    callbackResult: callbackResult(doc),
    loggedBy: doc.loggedBy ?? null,
    ringAt: iso(doc.ringAt),
    answeredAt: iso(doc.answeredAt),
    acceptedAt: iso(doc.acceptedAt),
    returnCount: Array.isArray(doc.returns) ? doc.returns.length : 0,
    reassignments: reassignmentsOf(doc).map((r) => ({
      at: iso(r.at),
      from: r.from ? { id: r.from.id, name: r.from.name || names.person(r.from.id) } : null,
      to: { id: r.to.id, name: r.to.name || names.person(r.to.id) },
      reason: r.reason ?? '',
    })),
    reassignmentText: reassignmentText(doc, names),
    extension: extensionItem(latestExtension(doc), iso),
    extensionText: extensionText(doc),
  };
}

function extensionItem(
  e: Extension | null,
  iso: (value: Date | string | null | undefined) => string | null,
) {
  if (!e) return null;
  return {
    status: e.status,
    until: iso(e.until),
    reason: e.reason ?? '',
    requestedAt: iso(e.requestedAt),
    decidedAt: iso(e.decidedAt),
  };
}

export type LedgerItem = ReturnType<typeof ledgerItem>;
