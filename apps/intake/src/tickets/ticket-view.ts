import type { TicketEventDoc, TicketLedgerDoc } from '@court/database';
import {
  isoTime,
  type LedgerDeadlines,
  type LedgerExtension,
  maskPhone,
  type TicketDeadlines,
  type TicketExtension,
} from '@court/domain';
import type { TicketView } from '../../../../workflows/ticket/contract';
import type {
  ComplaintView,
  DispositionView,
  EscalationView,
  ExtensionView,
  ProgressNoteView,
  ReassignmentView,
  ReturnView,
  RouteView,
  TargetView,
  TicketDetail,
  TicketListItem,
} from './dto/ticket-view.dto';

/** Pure mapping from what is stored (ledger + events) and what the workflow says now to API.md. */

function deadlinesOf(stored: LedgerDeadlines | undefined | null): TicketDeadlines {
  return {
    dispatchBy: isoTime(stored?.dispatchBy),
    feedbackBy: isoTime(stored?.feedbackBy),
    reminderBy: isoTime(stored?.reminderBy),
    bulletinBy: isoTime(stored?.bulletinBy),
    callbackBy: isoTime(stored?.callbackBy),
  };
}

interface StoredRoute {
  action?: string;
  rule?: string;
  target?: unknown;
  departmentId?: string | null;
  explanation?: string;
  judgeContact?: unknown;
}

// The ledger stores what the domain decided; its schema types these fields loosely.
function route(r: StoredRoute): RouteView & { judgeContact?: unknown } {
  return {
    action: r.action as RouteView['action'],
    rule: r.rule as RouteView['rule'],
    target: (r.target ?? null) as TargetView | null,
    departmentId: r.departmentId ?? null,
    explanation: r.explanation ?? null,
    ...(r.judgeContact ? { judgeContact: r.judgeContact } : {}),
  };
}

/** The disposition as the API shows it: API.md's `action`, `rule`, `target`, and what explains it. */
export function publicDisposition(stored: unknown): DispositionView | null {
  if (!stored || typeof stored !== 'object') return null;
  const d = stored as StoredRoute & {
    overridden?: boolean;
    overrideReason?: string | null;
    alsoRoutes?: StoredRoute[];
    escalationLadder?: unknown;
  };
  return {
    ...route(d),
    overridden: d.overridden ?? false,
    overrideReason: d.overrideReason ?? null,
    alsoRoutes: (d.alsoRoutes ?? []).map(route),
    escalationLadder: (d.escalationLadder ?? null) as DispositionView['escalationLadder'],
  };
}

function escalationOf(
  e: TicketLedgerDoc['escalation'] | TicketView['escalation'] | undefined,
): EscalationView | null {
  if (!e) return null;
  const stored = e as Partial<EscalationView> & { acknowledgedAt?: unknown };
  return {
    level: e.level,
    notified: stored.notified ?? [],
    acknowledgedBy: e.acknowledgedBy ?? null,
    acknowledgedAt: isoTime(e.acknowledgedAt),
    note: stored.note ?? null,
  };
}

function feedbackOf(f: TicketLedgerDoc['feedback'] | TicketView['feedback'] | undefined) {
  return f ? { result: f.result, at: isoTime(f.at), by: f.by } : null;
}

function callbackOf(c: TicketLedgerDoc['callback'] | TicketView['callback'] | undefined) {
  return c
    ? {
        reached: c.reached,
        satisfied: c.satisfied ?? null,
        note: c.note ?? null,
        at: isoTime(c.at),
        by: c.by,
      }
    : null;
}

function extensionOf(e: TicketExtension | LedgerExtension): ExtensionView {
  return {
    status: e.status,
    until: isoTime(e.until),
    reason: String(e.reason ?? ''),
    requestedBy: String(e.requestedBy ?? ''),
    requestedAt: isoTime(e.requestedAt),
    previousFeedbackBy: isoTime(e.previousFeedbackBy),
    decidedBy: e.decidedBy ?? null,
    decidedAt: isoTime(e.decidedAt),
    note: e.note ?? null,
  };
}

/** 签收, 进展, 退回, 改派, 延期: the workflow's word when it answers, else the ledger's. */
function lifecycleOf(doc: TicketLedgerDoc, live: TicketView | null) {
  const source = live ?? doc;
  // Live values carry ISO strings, stored ones Dates: each is shown as ISO.
  const dated = <V>(items: unknown): V[] =>
    ((items ?? []) as { at: unknown }[]).map((item) => ({ ...item, at: isoTime(item.at) }) as V);
  const stored: readonly (TicketExtension | LedgerExtension)[] = source.extensions ?? [];
  const extensions = stored.map(extensionOf);
  return {
    acceptedAt: isoTime(source.acceptedAt),
    extension: extensions[extensions.length - 1] ?? null,
    extensions,
    progressNotes: dated<ProgressNoteView>(source.progressNotes),
    returns: dated<ReturnView>(source.returns),
    reassignments: dated<ReassignmentView>(source.reassignments),
  };
}

export interface ViewOptions {
  /** Mask the caller's phone (search results; roles that do not call callers). */
  maskCaller: boolean;
}

/** `GET /api/tickets/:id`: the ledger, overlaid with the workflow's live state when it answers. */
export function ticketResponse(
  doc: TicketLedgerDoc,
  events: readonly Pick<TicketEventDoc, 'at' | 'kind' | 'actor' | 'note'>[],
  live: TicketView | null,
  options: ViewOptions,
): TicketDetail {
  const phone = doc.caller?.phone ?? '';
  const timeline = live
    ? live.timeline
    : events.map((e) => ({
        at: isoTime(e.at),
        kind: e.kind,
        actor: e.actor,
        note: e.note ?? null,
      }));
  const repeatCalls = live
    ? live.repeatCalls
    : (doc.repeatCalls ?? []).map((c) => ({ ...c, at: isoTime(c.at) }));
  return {
    id: doc._id,
    workflowId: doc.workflowId,
    channel: doc.channel ?? 'phone',
    type: doc.type,
    complaint: (doc.complaint ?? null) as ComplaintView | null,
    caseNumber: doc.caseNumber ?? null,
    caller: { name: doc.caller?.name ?? '', phone: options.maskCaller ? maskPhone(phone) : phone },
    content: doc.content ?? '',
    answer: doc.answer ?? null,
    flags: doc.flags,
    status: live?.status ?? doc.status,
    redLight: live?.redLight ?? doc.redLight ?? false,
    disposition: publicDisposition(doc.disposition),
    handlerId: live?.handler?.id ?? doc.handlerId ?? null,
    departmentId: live?.departmentId ?? doc.departmentId ?? null,
    deadlines: live ? { ...live.deadlines } : deadlinesOf(doc.deadlines),
    feedback: feedbackOf(live ? live.feedback : doc.feedback),
    callback: callbackOf(live ? live.callback : doc.callback),
    callbackDue: live?.callbackDue ?? doc.callbackDue ?? false,
    keyCallback: live?.keyCallback ?? doc.keyCallback ?? false,
    escalation: escalationOf(live ? live.escalation : doc.escalation),
    reminders: live?.reminders ?? doc.reminders ?? 0,
    repeatCalls,
    timeline,
    ...lifecycleOf(doc, live),
    voicemailId: doc.voicemailId ?? null,
    loggedBy: doc.loggedBy ?? null,
    ringAt: isoTime(doc.ringAt),
    answeredAt: isoTime(doc.answeredAt),
    receivedAt: isoTime(doc.receivedAt),
    createdAt: isoTime(doc.createdAt),
    updatedAt: isoTime(doc.updatedAt),
  };
}

/** One row of `GET /api/tickets`: no content, the caller's phone masked. */
export function ticketListItem(doc: TicketLedgerDoc): TicketListItem {
  const disposition = publicDisposition(doc.disposition);
  return {
    id: doc._id,
    workflowId: doc.workflowId,
    channel: doc.channel ?? 'phone',
    type: doc.type,
    caseNumber: doc.caseNumber ?? null,
    caller: { name: doc.caller?.name ?? '', phone: maskPhone(doc.caller?.phone ?? '') },
    status: doc.status,
    redLight: doc.redLight ?? false,
    disposition: disposition
      ? { action: disposition.action, rule: disposition.rule, target: disposition.target }
      : null,
    handlerId: doc.handlerId ?? null,
    departmentId: doc.departmentId ?? null,
    deadlines: deadlinesOf(doc.deadlines),
    loggedBy: doc.loggedBy ?? null,
    receivedAt: isoTime(doc.receivedAt),
    createdAt: isoTime(doc.createdAt),
    updatedAt: isoTime(doc.updatedAt),
  };
}
