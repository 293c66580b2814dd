import {
  type BulletinDoc,
  type ExtensionCounts,
  type FactsSource,
  type TicketFacts,
  ticketFacts,
} from '@court/database';

/**
 * The quality metrics of Articles 1, 2, 5, 7, 8 and 10, folded over the tickets' facts one
 * ticket at a time (bounded memory; the facts come from the read model, ledger-facts-store).
 * Every figure is about the tickets RECEIVED in the period. A rate is a number in [0, 1], or
 * null when nothing was counted.
 */

/** Art. 1: answered within this many milliseconds of ringing. */
export const ANSWER_WITHIN_MS = 10_000;

/** The figures for one slice of the ledger (the whole period, a type, a department, a handler). */
export interface Figures {
  total: number;
  directAnswered: number;
  directAnswerRate: number | null;
  transferred: number;
  dispatchedWithin2hRate: number | null;
  feedbackOnTimeRate: number | null;
  overdue: number;
  reminded: number;
  bulletined: number;
  callbacksDue: number;
  callbackRate: number | null;
  keyCallbackRate: number | null;
  satisfactionRate: number | null;
}

export interface AgentWorkload {
  /** Tickets this agent logged (Art. 2: only logged calls count). */
  logged: number;
  directAnswered: number;
  transferred: number;
  answeredWithin10sRate: number | null;
}

export interface Metrics extends Figures {
  period: { from: string | null; to: string | null };
  answeredWithin10sRate: number | null;
  byType: Record<string, Figures & { label: string }>;
  byDepartment: Record<string, Figures & { name: string }>;
  byHandler: Record<string, Figures & { name: string }>;
  agentWorkload: Record<string, AgentWorkload & { name: string }>;
  /**
   * 退回: the returns of the period's tickets, by the department that returned the ticket (a
   * return by no department is not counted here).
   */
  returnsByDepartment: Record<string, number>;
  /** 改派: the period's tickets reassigned at least once. */
  reassigned: number;
  /** 延期: the extension requests of the period's tickets, and how many were approved or refused. */
  extensions: ExtensionCounts;
  /** When the figures were computed: rates whose window is still open at this time leave the ticket out. */
  computedAt: string;
}

/** The figures added with the lifecycle (退回, 改派, 延期): absent from bulletins compiled before. */
export type LifecycleFigure = 'returnsByDepartment' | 'reassigned' | 'extensions';

/** The metrics as a bulletin stores them (BulletinDoc's figures). */
export type StoredMetrics = Omit<Metrics, LifecycleFigure> &
  Partial<Pick<Metrics, LifecycleFigure>>;

/** A stored bulletin with its figures' type (the bulletin activity writes a `Metrics`). */
export type StoredBulletin = BulletinDoc<StoredMetrics>;

class Ratio {
  hits = 0;
  counted = 0;
  add(hit: boolean): void {
    this.counted += 1;
    if (hit) this.hits += 1;
  }
  get value(): number | null {
    return this.counted === 0 ? null : this.hits / this.counted;
  }
}

/** Did the ticket need a transfer (an electronic work order, Art. 5)? */
export function isTransfer(t: TicketFacts): boolean {
  return t.dispatchBy !== null || t.dispatchedAt !== null;
}

/**
 * Whether a deadline was met, or null while it cannot be told yet (not done, still in time).
 * Done at or before the deadline counts as met; not done by a passed deadline as missed.
 */
export function metDeadline(doneAt: number | null, deadline: number | null, now: number) {
  if (deadline === null) return null;
  if (doneAt !== null) return doneAt <= deadline;
  return now > deadline ? false : null;
}

class Slice {
  total = 0;
  directAnswered = 0;
  transferred = 0;
  overdue = 0;
  reminded = 0;
  bulletined = 0;
  callbacksDue = 0;
  readonly dispatched = new Ratio();
  readonly feedbackOnTime = new Ratio();
  readonly calledBack = new Ratio();
  readonly keyCalledBack = new Ratio();
  readonly satisfied = new Ratio();

  add(t: TicketFacts, now: number): void {
    this.total += 1;
    if (t.action === 'direct_answer') this.directAnswered += 1;
    if (isTransfer(t)) {
      this.transferred += 1;
      const dispatchBy = t.dispatchBy ?? (t.receivedAt ?? 0) + 2 * 3_600_000;
      const dispatched = metDeadline(t.dispatchedAt, dispatchBy, now);
      if (dispatched !== null) this.dispatched.add(dispatched);
      if (t.dispatchedAt !== null) {
        const onTime = metDeadline(t.feedbackAt, t.feedbackBy, now);
        if (onTime !== null) this.feedbackOnTime.add(onTime);
      }
    }
    if (t.overdueAt !== null) this.overdue += 1;
    if (t.remindedAt !== null) this.reminded += 1;
    if (t.bulletinedAt !== null) this.bulletined += 1;
    if (t.callbackDue || t.callback) {
      this.callbacksDue += 1;
      const reached = t.callback?.reached === true;
      // Counted once decided: a callback recorded (reached or not), or its window closed without one.
      const windowClosed = metDeadline(null, t.callbackBy, now) === false;
      if (t.callback || windowClosed) {
        this.calledBack.add(reached);
        if (t.keyCallback) this.keyCalledBack.add(reached);
      }
      if (reached && typeof t.callback?.satisfied === 'boolean') {
        this.satisfied.add(t.callback.satisfied);
      }
    }
  }

  figures(): Figures {
    return {
      total: this.total,
      directAnswered: this.directAnswered,
      directAnswerRate: this.total === 0 ? null : this.directAnswered / this.total,
      transferred: this.transferred,
      dispatchedWithin2hRate: this.dispatched.value,
      feedbackOnTimeRate: this.feedbackOnTime.value,
      overdue: this.overdue,
      reminded: this.reminded,
      bulletined: this.bulletined,
      callbacksDue: this.callbacksDue,
      callbackRate: this.calledBack.value,
      keyCallbackRate: this.keyCalledBack.value,
      satisfactionRate: this.satisfied.value,
    };
  }
}

class AgentSlice {
  logged = 0;
  directAnswered = 0;
  transferred = 0;
  readonly within10s = new Ratio();

  workload(): AgentWorkload {
    return {
      logged: this.logged,
      directAnswered: this.directAnswered,
      transferred: this.transferred,
      answeredWithin10sRate: this.within10s.value,
    };
  }
}

/** Art. 1: answered within 10 s, or null when the ring and answer times were not both given. */
export function answeredWithin10s(t: TicketFacts): boolean | null {
  if (t.ringAt === null || t.answeredAt === null) return null;
  return t.answeredAt - t.ringAt <= ANSWER_WITHIN_MS;
}

export interface MetricsNames {
  type(id: string): string;
  department(id: string): string;
  person(id: string): string;
}

/** The fold: `add` each ticket of the period, then `result`. */
export class MetricsFold {
  private readonly all = new Slice();
  private readonly within10s = new Ratio();
  private readonly types = new Map<string, Slice>();
  private readonly departments = new Map<string, Slice>();
  private readonly handlers = new Map<string, Slice>();
  private readonly agents = new Map<string, AgentSlice>();
  private readonly returns = new Map<string, number>();
  private reassigned = 0;
  private readonly extensions: ExtensionCounts = { requested: 0, approved: 0, refused: 0 };

  constructor(private readonly now: Date) {}

  add(t: TicketFacts): void {
    const now = this.now.getTime();
    this.all.add(t, now);
    for (const departmentId of t.returnedBy) {
      if (departmentId) this.returns.set(departmentId, (this.returns.get(departmentId) ?? 0) + 1);
    }
    if (t.reassignments > 0) this.reassigned += 1;
    this.extensions.requested += t.extensions.requested;
    this.extensions.approved += t.extensions.approved;
    this.extensions.refused += t.extensions.refused;
    slice(this.types, t.type).add(t, now);
    if (t.departmentId) slice(this.departments, t.departmentId).add(t, now);
    if (t.handlerId) slice(this.handlers, t.handlerId).add(t, now);
    const within = answeredWithin10s(t);
    if (within !== null) this.within10s.add(within);
    if (t.loggedBy) {
      let agent = this.agents.get(t.loggedBy);
      if (!agent) {
        agent = new AgentSlice();
        this.agents.set(t.loggedBy, agent);
      }
      agent.logged += 1;
      if (t.action === 'direct_answer') agent.directAnswered += 1;
      if (isTransfer(t)) agent.transferred += 1;
      if (within !== null) agent.within10s.add(within);
    }
  }

  result(period: { from: Date | null; to: Date | null }, names: MetricsNames): Metrics {
    const map = <T, U>(m: Map<string, T>, f: (id: string, v: T) => U): Record<string, U> =>
      Object.fromEntries(
        [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, v]) => [id, f(id, v)]),
      );
    return {
      period: { from: period.from?.toISOString() ?? null, to: period.to?.toISOString() ?? null },
      ...this.all.figures(),
      answeredWithin10sRate: this.within10s.value,
      byType: map(this.types, (id, s) => ({ label: names.type(id), ...s.figures() })),
      byDepartment: map(this.departments, (id, s) => ({
        name: names.department(id),
        ...s.figures(),
      })),
      byHandler: map(this.handlers, (id, s) => ({ name: names.person(id), ...s.figures() })),
      agentWorkload: map(this.agents, (id, a) => ({ name: names.person(id), ...a.workload() })),
      returnsByDepartment: map(this.returns, (_id, n) => n),
      reassigned: this.reassigned,
      extensions: { ...this.extensions },
      computedAt: this.now.toISOString(),
    };
  }
}

function slice(map: Map<string, Slice>, key: string): Slice {
  let s = map.get(key);
  if (!s) {
    s = new Slice();
    map.set(key, s);
  }
  return s;
}

/** Folds a list (tests, small sets). */
export function computeMetrics(
  tickets: Iterable<FactsSource>,
  options: { now: Date; period?: { from: Date | null; to: Date | null }; names?: MetricsNames },
): Metrics {
  const fold = new MetricsFold(options.now);
  for (const t of tickets) fold.add(ticketFacts(t));
  return fold.result(options.period ?? { from: null, to: null }, options.names ?? IDENTITY_NAMES);
}

export const IDENTITY_NAMES: MetricsNames = {
  type: (id) => id,
  department: (id) => id,
  person: (id) => id,
};
