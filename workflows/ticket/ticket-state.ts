// Longer than our ~300 lines on purpose: one plain class holds a ticket's rules because every
// transition reads and writes the same fields (route status, deadlines, timeline, the pending
// extension); split by concern, each rule would reach into another file's state. It stays
// free of Temporal, and its checks and applies come in pairs, grouped by section.
import type { Disposition, Route } from '../../libs/domain/src/disposition';
import type { DispositionTarget } from '../../libs/domain/src/disposition-types';
import type {
  ProgressNote,
  RepeatCall,
  TicketCallback,
  TicketDeadlines,
  TicketExtension,
  TicketFeedback,
  TicketReassignment,
  TicketReturn,
  TicketStatus,
  TimelineEvent,
  TimelineEventKind,
} from '../../libs/domain/src/ticket';
import type { EscalationState, TicketView, TicketWorkflowInput } from './contract';

/**
 * Why a message was refused: `forbidden` (the wrong person, 403), `conflict` (the wrong time,
 * 409) or `invalid` (a value that cannot be right for this ticket, 400).
 */
export type RejectionCode = 'forbidden' | 'conflict' | 'invalid';

export class TicketRejection extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'TicketRejection';
  }
}

/** Where the ticket is in its main route; `status` adds `escalated` on top. */
type RouteStatus = Exclude<TicketStatus, 'escalated'>;

const ACTIVE_ROUTE_STATUSES: RouteStatus[] = ['dispatched', 'overdue', 'reminded', 'bulletined'];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The routes of a disposition by what they do (Art. 4: 4.7/4.8 ride alongside the type's route). */
export function routesOf(disposition: Disposition): Partial<Record<Route['action'], Route>> {
  const routes: Partial<Record<Route['action'], Route>> = {};
  for (const route of [disposition, ...disposition.alsoRoutes]) {
    routes[route.action] ??= route;
  }
  return routes;
}

/**
 * The rules of a ticket's life, without Temporal: what may happen when, and what it changes.
 * The workflow wires timers, messages and activities to it; unit tests drive it directly.
 * Every method takes the current time, so the class stays deterministic.
 */
export class TicketState {
  routeStatus: RouteStatus = 'open';
  redLight = false;
  deadlines: { -readonly [K in keyof TicketDeadlines]: TicketDeadlines[K] } = {
    dispatchBy: null,
    feedbackBy: null,
    reminderBy: null,
    bulletinBy: null,
    callbackBy: null,
  };
  /** Deadlines computed on a year the court calendar does not cover (Mon–Fri assumed). */
  readonly provisional = new Set<keyof TicketDeadlines>();
  readonly timeline: TimelineEvent[] = [];
  readonly repeatCalls: RepeatCall[] = [];
  feedback: TicketFeedback | null = null;
  callback: TicketCallback | null = null;
  dispatchedAt: string | null = null;
  overdueAt: string | null = null;
  remindedAt: string | null = null;
  reminders = 0;
  bulletinedAt: string | null = null;
  handledAt: string | null = null;
  closedAt: string | null = null;
  callbackDue = false;
  warned = false;
  reminderLateNoticeSent = false;
  escalation: EscalationState | null = null;
  /** Bumped on every deadline change, so that waits re-arm their timers. */
  deadlineEpoch = 0;

  acceptedAt: string | null = null;
  readonly progressNotes: ProgressNote[] = [];
  readonly returns: TicketReturn[] = [];
  readonly reassignments: TicketReassignment[] = [];
  readonly extensions: TicketExtension[] = [];

  /** The handler addressed now: the transfer's target, until a reassignment (改派). */
  handler: DispositionTarget | null;
  departmentId: string | null;
  /** The head of the handler's department (Art. 5 notifies both); may be the handler. */
  departmentHead: DispositionTarget | null;
  readonly routes: Partial<Record<Route['action'], Route>>;

  constructor(readonly input: TicketWorkflowInput) {
    this.routes = routesOf(input.disposition);
    const transfer = this.routes.transfer ?? null;
    this.handler = transfer?.target ?? null;
    this.departmentId = transfer?.departmentId ?? input.disposition.departmentId ?? null;
    this.departmentHead = input.departmentHead;
  }

  /** The latest extension request (延期), or null. */
  get extension(): TicketExtension | null {
    return this.extensions[this.extensions.length - 1] ?? null;
  }

  /** The disposition as it stands: a reassignment replaces the transfer's target. */
  get disposition(): Disposition {
    const last = this.reassignments[this.reassignments.length - 1];
    if (!last) return this.input.disposition;
    const rerouted = (route: Route): Route =>
      route.action === 'transfer'
        ? ({ ...route, target: last.to, departmentId: last.toDepartmentId } as Route)
        : route;
    const d = this.input.disposition;
    return {
      ...(rerouted(d) as Disposition),
      alsoRoutes: d.alsoRoutes.map(rerouted),
    };
  }

  get keyCallback(): boolean {
    return this.input.flags.litigationRights;
  }

  get status(): TicketStatus {
    const climbing = this.escalation !== null && this.escalation.acknowledgedBy === null;
    const early =
      this.routeStatus === 'open' ||
      this.routeStatus === 'dispatched' ||
      this.routeStatus === 'answered';
    return climbing && early ? 'escalated' : this.routeStatus;
  }

  get awaitingFeedback(): boolean {
    return ACTIVE_ROUTE_STATUSES.includes(this.routeStatus);
  }

  record(kind: TimelineEventKind, actor: string, note: string | null, now: number): void {
    this.timeline.push({ at: iso(now), kind, actor, note });
  }

  get provisionalDeadlines(): boolean {
    return this.provisional.size > 0;
  }

  setDeadline(name: keyof TicketDeadlines, at: string | null, provisional = false): void {
    this.deadlines[name] = at;
    if (provisional) this.provisional.add(name);
    else this.provisional.delete(name);
    this.deadlineEpoch += 1;
  }

  // ——— transitions driven by the workflow's own timers ———

  answerDirectly(now: number): void {
    this.routeStatus = 'answered';
    this.callbackDue = this.keyCallback;
    this.record(
      'answered',
      this.input.loggedBy,
      this.routes.direct_answer?.explanation ?? null,
      now,
    );
  }

  dispatch(now: number): void {
    this.routeStatus = 'dispatched';
    this.dispatchedAt = iso(now);
    const late = this.deadlines.dispatchBy !== null && now > Date.parse(this.deadlines.dispatchBy);
    const to = this.handler ? `派发至${this.handler.name}` : '派发';
    this.record('dispatched', 'system', late ? `${to}（已超过2小时派发时限）` : to, now);
  }

  warn(now: number): void {
    this.warned = true;
    this.record('warning', 'system', `反馈期限 ${this.deadlines.feedbackBy}`, now);
  }

  markOverdue(now: number, why: string): void {
    if (this.overdueAt !== null) return;
    this.routeStatus = 'overdue';
    this.redLight = true;
    this.overdueAt = iso(now);
    this.record('overdue', 'system', why, now);
    if (this.extension?.status === 'pending') {
      this.settleExtension({ status: 'expired', decidedBy: null, note: null }, now);
      this.record('extension_expired', 'system', `原反馈期限 ${this.deadlines.feedbackBy}`, now);
    }
  }

  remind(now: number, actor: string, note: string | null): void {
    this.reminders += 1;
    this.remindedAt = iso(now);
    if (this.routeStatus === 'overdue') this.routeStatus = 'reminded';
    this.record('reminded', actor, note ?? `第${this.reminders}次催办`, now);
  }

  bulletin(now: number): void {
    this.routeStatus = 'bulletined';
    this.bulletinedAt ??= iso(now);
    this.record('bulletined', 'system', '催办后仍未反馈，列入通报', now);
  }

  noteReminderLate(now: number): void {
    this.reminderLateNoticeSent = true;
    this.record('overdue', 'system', '逾期后1个工作日内尚未催办，已提示督办人员', now);
  }

  close(now: number, actor: string): void {
    this.routeStatus = 'closed';
    this.closedAt = iso(now);
    this.record('closed', actor, null, now);
  }

  // ——— messages: each has a check (run by the update's validator) and an apply ———

  checkFeedback(actorId: string): void {
    if (!this.awaitingFeedback) {
      throw new TicketRejection('conflict', `工单当前状态为“${this.status}”，不在等待反馈阶段`);
    }
    const allowed = [this.handler?.id, this.departmentHead?.id].filter(Boolean);
    if (!allowed.includes(actorId)) {
      throw new TicketRejection('forbidden', '只有承办人或其部门负责人可以反馈办理结果');
    }
  }

  applyFeedback(actorId: string, result: string, now: number): void {
    this.feedback = { result, at: iso(now), by: actorId };
    this.handledAt = iso(now);
    this.redLight = false;
    this.routeStatus = 'handled';
    this.callbackDue = true;
    this.record('feedback', actorId, result, now);
    this.record('handled', 'system', null, now);
  }

  checkRepeatCall(): void {
    if (this.routeStatus === 'closed') {
      throw new TicketRejection('conflict', '工单已办结，请就再次来电登记新工单');
    }
  }

  applyRepeatCall(input: { note: string | null; notHandledInTime: boolean }, now: number): void {
    this.repeatCalls.push({
      at: iso(now),
      note: input.note,
      notHandledInTime: input.notHandledInTime,
    });
    this.record('repeat_call', 'system', input.note, now);
  }

  checkAcknowledge(actorId: string): void {
    if (!this.escalation) throw new TicketRejection('conflict', '该工单没有层报');
    if (this.escalation.acknowledgedBy !== null) {
      throw new TicketRejection('conflict', '层报已由领导确认');
    }
    if (!this.escalation.notified.includes(actorId)) {
      throw new TicketRejection('forbidden', '只有已收到层报的领导可以确认');
    }
  }

  applyAcknowledge(actorId: string, note: string | null, now: number): void {
    const escalation = this.escalation!;
    escalation.acknowledgedBy = actorId;
    escalation.acknowledgedAt = iso(now);
    escalation.note = note;
    this.record('acknowledged', actorId, note, now);
  }

  checkReminder(): void {
    if (!this.awaitingFeedback || this.overdueAt === null) {
      throw new TicketRejection('conflict', '工单尚未逾期或已反馈，无需催办');
    }
  }

  checkCallback(): void {
    if (!this.callbackDue || this.callback !== null || this.routeStatus === 'closed') {
      throw new TicketRejection('conflict', '该工单当前无待回访事项');
    }
  }

  applyCallback(
    actorId: string,
    input: { reached: boolean; satisfied: boolean | null; note: string | null },
    now: number,
  ): void {
    this.callback = { ...input, at: iso(now), by: actorId };
    this.record('callback', actorId, input.note, now);
  }

  // ——— the lifecycle additions: accept, progress, return, reassign, extension ———

  private checkHandlerAddressed(actorId: string, what: string): void {
    if (this.handler?.id !== actorId) {
      throw new TicketRejection('forbidden', `只有本工单的承办人可以${what}`);
    }
  }

  checkAccept(actorId: string): void {
    this.checkHandlerAddressed(actorId, '签收');
    if (!this.awaitingFeedback) {
      throw new TicketRejection('conflict', `工单当前状态为“${this.status}”，无需签收`);
    }
    if (this.acceptedAt !== null) throw new TicketRejection('conflict', '工单已签收');
  }

  applyAccept(actorId: string, now: number): void {
    this.acceptedAt = iso(now);
    this.record('accepted', actorId, null, now);
  }

  checkProgress(actorId: string): void {
    this.checkHandlerAddressed(actorId, '登记进展');
    if (!this.awaitingFeedback) {
      throw new TicketRejection('conflict', `工单当前状态为“${this.status}”，不在办理阶段`);
    }
  }

  applyProgress(actorId: string, note: string, now: number): void {
    this.progressNotes.push({ at: iso(now), by: actorId, note });
    this.record('progress', actorId, note, now);
  }

  checkReturn(actorId: string): void {
    this.checkHandlerAddressed(actorId, '退回');
    if (this.routeStatus !== 'dispatched') {
      throw new TicketRejection(
        'conflict',
        this.overdueAt !== null
          ? '工单已逾期（红灯），不能退回，请反馈办理结果'
          : `工单当前状态为“${this.status}”，不能退回`,
      );
    }
  }

  /** 退回: the ticket waits for an agent or a supervisor to reassign it; no feedback clock runs. */
  applyReturn(actorId: string, reason: string, now: number): void {
    this.returns.push({ at: iso(now), by: actorId, departmentId: this.departmentId, reason });
    this.routeStatus = 'returned';
    this.dropPendingExtension(now, '工单已退回');
    this.setDeadline('feedbackBy', null);
    this.record('returned', actorId, reason, now);
  }

  checkReassign(targetId: string): void {
    if (this.routeStatus !== 'returned' && this.routeStatus !== 'dispatched') {
      throw new TicketRejection(
        'conflict',
        `工单当前状态为“${this.status}”，只有已退回或已转办未逾期的工单可以改派`,
      );
    }
    if (this.handler?.id === targetId) {
      throw new TicketRejection('invalid', '改派对象与当前承办人相同');
    }
  }

  /** 改派: a new handler, dispatched now; the feedback window restarts (the workflow sets it). */
  reassign(
    by: string,
    input: { reason: string; target: DispositionTarget; departmentId: string | null },
    head: DispositionTarget | null,
    now: number,
  ): void {
    const since = this.dispatchedAt ? Date.parse(this.dispatchedAt) : now;
    this.reassignments.push({
      at: iso(now),
      by,
      reason: input.reason,
      from: this.handler,
      fromDepartmentId: this.departmentId,
      to: input.target,
      toDepartmentId: input.departmentId,
      lostMs: Math.max(0, now - since),
    });
    this.dropPendingExtension(now, '工单已改派');
    this.record('reassigned', by, `改派至${input.target.name}：${input.reason}`, now);
    this.handler = input.target;
    this.departmentId = input.departmentId;
    this.departmentHead = head;
    this.acceptedAt = null;
    this.routeStatus = 'dispatched';
    this.dispatchedAt = iso(now);
    this.record('dispatched', 'system', `派发至${input.target.name}（改派）`, now);
  }

  checkExtensionRequest(actorId: string, until: string): void {
    this.checkHandlerAddressed(actorId, '申请延期');
    if (!this.awaitingFeedback || this.overdueAt !== null) {
      throw new TicketRejection(
        'conflict',
        this.overdueAt !== null
          ? '工单已逾期（红灯），不能再申请延期'
          : `工单当前状态为“${this.status}”，不能申请延期`,
      );
    }
    if (this.extension?.status === 'pending') {
      throw new TicketRejection('conflict', '已有一项延期申请待审批');
    }
    const current = this.deadlines.feedbackBy;
    if (current !== null && Date.parse(until) <= Date.parse(current)) {
      throw new TicketRejection('invalid', `延期至的时间应晚于当前反馈期限 ${current}`);
    }
  }

  applyExtensionRequest(actorId: string, until: string, reason: string, now: number): void {
    this.extensions.push({
      status: 'pending',
      until,
      reason,
      requestedBy: actorId,
      requestedAt: iso(now),
      previousFeedbackBy: this.deadlines.feedbackBy,
      decidedBy: null,
      decidedAt: null,
      note: null,
    });
    this.record('extension_requested', actorId, `申请延期至 ${until}：${reason}`, now);
  }

  /** The head of the handler's department decides, or a supervisor; never the one who asked. */
  checkExtensionDecision(actorId: string, asSupervisor: boolean): void {
    const pending = this.extension?.status === 'pending' ? this.extension : null;
    if (!pending || !this.awaitingFeedback) {
      throw new TicketRejection('conflict', '该工单没有待审批的延期申请');
    }
    const head = this.departmentHead?.id === actorId && pending.requestedBy !== actorId;
    if (!asSupervisor && !head) {
      throw new TicketRejection('forbidden', '只有承办部门负责人或督办人员可以审批延期申请');
    }
  }

  /** Approved: the feedback deadline moves to `until` (the caller's timer re-arms on it). */
  applyExtensionDecision(
    actorId: string,
    approve: boolean,
    note: string | null,
    now: number,
  ): void {
    const until = this.extension!.until;
    this.settleExtension(
      { status: approve ? 'approved' : 'refused', decidedBy: actorId, note },
      now,
    );
    if (approve) this.setDeadline('feedbackBy', until);
    this.record(
      approve ? 'extension_approved' : 'extension_refused',
      actorId,
      approve ? `反馈期限延至 ${until}${note ? `；${note}` : ''}` : note,
      now,
    );
  }

  private settleExtension(
    decision: Pick<TicketExtension, 'status' | 'decidedBy' | 'note'>,
    now: number,
  ): void {
    const index = this.extensions.length - 1;
    this.extensions[index] = { ...this.extensions[index]!, ...decision, decidedAt: iso(now) };
  }

  private dropPendingExtension(now: number, why: string): void {
    if (this.extension?.status !== 'pending') return;
    this.settleExtension({ status: 'expired', decidedBy: null, note: why }, now);
    this.record('extension_expired', 'system', why, now);
  }

  checkAttachmentNote(): void {
    if (this.routeStatus === 'closed') {
      throw new TicketRejection('conflict', '工单已办结');
    }
  }

  view(): TicketView {
    return {
      id: this.input.ticketId,
      status: this.status,
      redLight: this.redLight,
      deadlines: { ...this.deadlines },
      provisionalDeadlines: this.provisionalDeadlines,
      handler: this.handler,
      departmentId: this.departmentId,
      dispatchedAt: this.dispatchedAt,
      overdueAt: this.overdueAt,
      remindedAt: this.remindedAt,
      reminders: this.reminders,
      bulletinedAt: this.bulletinedAt,
      feedback: this.feedback,
      handledAt: this.handledAt,
      callbackDue: this.callbackDue,
      keyCallback: this.keyCallback,
      callback: this.callback,
      closedAt: this.closedAt,
      escalation: this.escalation
        ? { ...this.escalation, notified: [...this.escalation.notified] }
        : null,
      repeatCalls: [...this.repeatCalls],
      timeline: [...this.timeline],
      acceptedAt: this.acceptedAt,
      progressNotes: [...this.progressNotes],
      returns: [...this.returns],
      reassignments: [...this.reassignments],
      extension: this.extension,
      extensions: [...this.extensions],
    };
  }
}
