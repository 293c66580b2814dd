/**
 * The rule engine of Article 4: from a ticket and the directory to a proposed disposition
 * (action, clause, target, explanation in the court's words), and from a proposal and an
 * agent's override to the disposition the ticket carries.
 *
 * A target that cannot be determined is a validation error naming what is missing (e.g. the
 * 案号 for a rule that needs the presiding judge), never a guess.
 */

import type { Department, Directory, Person } from './directory';
import {
  type DispositionAction,
  type DispositionTarget,
  type Rule,
  ruleName,
} from './disposition-types';
import { type FieldError, fail, ok, type Result } from './result';
import { matchesCondition, RULE_TABLE, type RuleRow } from './rule-table';
import type {
  ComplaintDetails,
  CreateTicketInput,
  DispositionOverride,
  TicketFlags,
  TicketType,
} from './ticket';

/** What the rules look at. A validated `CreateTicketInput` is one. */
export interface RoutingInput {
  readonly type: TicketType;
  readonly complaint?: ComplaintDetails | null;
  readonly caseNumber?: string | null;
  readonly flags?: Partial<TicketFlags>;
}

/** The judge's contact the agent gives the caller (4.2, first contact). */
export interface JudgeContact {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
}

/** One way the ticket is handled: one row of the rule table, resolved against the directory. */
export interface Route {
  readonly action: DispositionAction;
  readonly rule: Rule;
  /** The id of the rule-table row that decided it. */
  readonly rowId: string;
  /** Applied by analogy (参照), for `other`. */
  readonly byAnalogy: boolean;
  /** Whom it goes to; null for a direct answer (the agent on the call answers). */
  readonly target: DispositionTarget | null;
  /** The department handling it (TicketDepartment); null for a direct answer. */
  readonly departmentId: string | null;
  /** Shown in the UI: 依据第四条第五项：投诉立案问题，转立案诉讼服务部门负责人调查核实并书面报告 */
  readonly explanation: string;
  /** 4.2 first contact: the presiding judge's contact. */
  readonly judgeContact?: JudgeContact;
}

export interface EscalationLevel {
  /** 1: 主管副庭长、庭长; 2: 主管副院长、院长. */
  readonly level: number;
  readonly label: string;
  readonly people: readonly DispositionTarget[];
}

export interface DispositionProposal extends Route {
  /**
   * Further routes handled alongside the primary one: when 4.8 or 4.7 decides, the other
   * precedence rule (if it also applies) and the ticket type's own route.
   */
  readonly alsoRoutes: readonly Route[];
  /** 4.8 only: who is notified, level by level, until someone acknowledges. */
  readonly escalationLadder: readonly EscalationLevel[] | null;
}

/** The disposition a ticket carries: the proposal, or the agent's override of it. */
export interface Disposition extends DispositionProposal {
  readonly overridden: boolean;
  readonly overrideReason: string | null;
  /** The proposal the agent overrode; null when not overridden or the rules had none. */
  readonly originalProposal: DispositionProposal | null;
}

function targetOf(person: Person): DispositionTarget {
  return { id: person.id, name: person.name, role: person.role };
}

function prefix(row: Pick<RuleRow, 'rule' | 'byAnalogy'>): string {
  return `${row.byAnalogy ? '参照' : '依据'}${ruleName(row.rule)}`;
}

function explain(row: RuleRow): string {
  return `${prefix(row)}：${row.summary}，${row.handling}`;
}

const CASE_NUMBER_FIELD = 'caseNumber';

/** The presiding judge of the ticket's case, or an error saying what is missing. */
function presidingJudge(
  input: RoutingInput,
  directory: Directory,
  row: RuleRow,
  purpose: string,
): Result<Person> {
  const because = `（${prefix(row)}须${purpose}）`;
  if (!input.caseNumber) {
    return fail([{ field: CASE_NUMBER_FIELD, message: `请填写案号，以确定承办法官${because}` }]);
  }
  const record = directory.caseByNumber(input.caseNumber);
  if (!record) {
    return fail([
      {
        field: CASE_NUMBER_FIELD,
        message: `未找到案号 ${input.caseNumber} 的承办法官，请核对案号${because}`,
      },
    ]);
  }
  const judge = directory.person(record.presidingJudgeId);
  if (!judge) {
    return fail([
      {
        field: CASE_NUMBER_FIELD,
        message: `案号 ${record.number} 的承办法官不在通讯录中${because}`,
      },
    ]);
  }
  return ok(judge);
}

function departmentHead(
  directory: Directory,
  departmentId: string | null,
  field: string,
  what: string,
): Result<{ department: Department; head: Person }> {
  const department = departmentId ? directory.department(departmentId) : undefined;
  if (!department) {
    return fail([{ field, message: `通讯录中未设置${what}` }]);
  }
  const head = directory.person(department.headId);
  if (!head) return fail([{ field, message: `通讯录中未设置${department.name}负责人` }]);
  return ok({ department, head });
}

const SPECIAL_LABELS = {
  petition: '信访部门',
  filing: '立案诉讼服务部门',
  enforcementSupervision: '执行监督部门',
  violationsReporting: '违法违纪举报中心',
  leadership: '院领导',
  hotline: '12368平台所在部门',
} as const;

/** What every route of a rule row carries, whatever its target. */
function routeBase(row: RuleRow) {
  return {
    action: row.action,
    rule: row.rule,
    rowId: row.id,
    byAnalogy: row.byAnalogy,
    explanation: explain(row),
  };
}

/** Resolves a type row (not 4.7 / 4.8) against the directory. */
function resolveTypeRoute(row: RuleRow, input: RoutingInput, directory: Directory): Result<Route> {
  const base = routeBase(row);
  const t = row.target;
  switch (t.kind) {
    case 'agent':
      return ok({ ...base, target: null, departmentId: null });
    case 'agent_with_judge_contact': {
      const judge = presidingJudge(input, directory, row, '告知承办法官联系方式');
      if (!judge.ok) return judge;
      const j = judge.value;
      return ok({
        ...base,
        target: null,
        departmentId: null,
        explanation: `${base.explanation}（承办法官${j.name}，${j.phone}）`,
        judgeContact: { id: j.id, name: j.name, phone: j.phone },
      });
    }
    case 'presiding_judge': {
      const judge = presidingJudge(input, directory, row, '转发至承办法官');
      if (!judge.ok) return judge;
      return ok({ ...base, target: targetOf(judge.value), departmentId: judge.value.departmentId });
    }
    case 'judge_department_head': {
      const judge = presidingJudge(input, directory, row, '转发承办法官所在部门负责人');
      if (!judge.ok) return judge;
      const head = departmentHead(
        directory,
        judge.value.departmentId,
        CASE_NUMBER_FIELD,
        `承办法官${judge.value.name}所在部门`,
      );
      if (!head.ok) return head;
      return ok({
        ...base,
        target: targetOf(head.value.head),
        departmentId: head.value.department.id,
      });
    }
    case 'special_department_head': {
      const head = departmentHead(
        directory,
        directory.special()[t.department],
        'type',
        SPECIAL_LABELS[t.department],
      );
      if (!head.ok) return head;
      return ok({
        ...base,
        target: targetOf(head.value.head),
        departmentId: head.value.department.id,
      });
    }
    default:
      throw new Error(`rule row ${row.id}: target ${t.kind} is not a type route`);
  }
}

/**
 * The division responsible for a ticket (4.7, 4.8): the department of the case's presiding
 * judge when the case is known; else the department the ticket is transferred to; else the
 * department that runs the 12368 platform.
 */
function responsibleDepartment(
  input: RoutingInput,
  typeRoute: Route | null,
  directory: Directory,
): Department | undefined {
  if (input.caseNumber) {
    const judge = directory.presidingJudge(input.caseNumber);
    const department = judge?.departmentId ? directory.department(judge.departmentId) : undefined;
    if (department) return department;
  }
  if (typeRoute?.departmentId) {
    const department = directory.department(typeRoute.departmentId);
    if (department) return department;
  }
  return directory.department(directory.special().hotline);
}

function people(directory: Directory, ids: readonly (string | null)[], exclude: Set<string>) {
  const out: DispositionTarget[] = [];
  for (const id of ids) {
    if (id === null || exclude.has(id)) continue;
    const person = directory.person(id);
    if (person) {
      out.push(targetOf(person));
      exclude.add(id);
    }
  }
  return out;
}

/** The 4.8 ladder for a department: 主管副庭长、庭长, then 主管副院长、院长. */
export function escalationLadder(directory: Directory, department: Department): EscalationLevel[] {
  const seen = new Set<string>();
  const levels: EscalationLevel[] = [];
  let first = people(directory, [department.viceChiefId, department.chiefId], seen);
  let firstLabel = `${department.name}主管副庭长、庭长`;
  if (first.length === 0) {
    first = people(directory, [department.headId], seen);
    firstLabel = `${department.name}负责人`;
  }
  if (first.length > 0) levels.push({ level: 1, label: firstLabel, people: first });
  const second = people(
    directory,
    [department.vicePresidentId, directory.court().presidentId],
    seen,
  );
  if (second.length > 0)
    levels.push({ level: levels.length + 1, label: '主管副院长、院长', people: second });
  return levels;
}

function resolvePrecedenceRoute(
  row: RuleRow,
  input: RoutingInput,
  typeRoute: Route | null,
  directory: Directory,
): Result<{ route: Route; ladder: EscalationLevel[] | null }> {
  const department = responsibleDepartment(input, typeRoute, directory);
  const base = routeBase(row);
  if (row.target.kind === 'escalation_ladder') {
    const ladder = department ? escalationLadder(directory, department) : [];
    if (ladder.length === 0) {
      return fail([{ field: 'flags.urgent', message: '通讯录中未设置可层报的庭领导和院领导' }]);
    }
    return ok({
      route: { ...base, target: ladder[0].people[0], departmentId: department!.id },
      ladder,
    });
  }
  if (row.target.kind === 'leadership') {
    // 层报院领导: the vice president in charge of the platform's department, else the president.
    const hotline = directory.department(directory.special().hotline);
    const leader =
      (hotline?.vicePresidentId ? directory.person(hotline.vicePresidentId) : undefined) ??
      directory.person(directory.court().presidentId);
    if (!leader) return fail([{ field: 'flags.abusive', message: '通讯录中未设置院领导' }]);
    return ok({
      route: { ...base, target: targetOf(leader), departmentId: leader.departmentId },
      ladder: null,
    });
  }
  throw new Error(`rule row ${row.id}: target ${row.target.kind} is not a precedence route`);
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.field}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The row of the rule table for the ticket's type (never a precedence row). */
export function typeRow(input: RoutingInput): RuleRow | undefined {
  return RULE_TABLE.find((row) => !row.precedence && matchesCondition(row.when, input));
}

/** The precedence rows (4.8, then 4.7) that apply to the ticket. */
export function precedenceRows(input: RoutingInput): RuleRow[] {
  return RULE_TABLE.filter((row) => row.precedence && matchesCondition(row.when, input));
}

/**
 * Proposes the disposition of Article 4 for a ticket. 4.8 and 4.7 take precedence and the
 * type's own route is kept in `alsoRoutes`. Errors name what is missing.
 */
export function proposeDisposition(
  input: RoutingInput,
  directory: Directory,
): Result<DispositionProposal> {
  if (input.type === 'complaint' && !input.complaint) {
    return fail([
      { field: 'complaint', message: '投诉举报类工单须填写投诉类别（complaint.category）' },
    ]);
  }
  const row = typeRow(input);
  if (!row) return fail([{ field: 'type', message: `工单类型“${input.type}”无对应的处理规则` }]);

  const errors: FieldError[] = [];
  const typeRoute = resolveTypeRoute(row, input, directory);
  if (!typeRoute.ok) errors.push(...typeRoute.errors);
  const resolvedType = typeRoute.ok ? typeRoute.value : null;

  const precedence: Route[] = [];
  let ladder: EscalationLevel[] | null = null;
  for (const p of precedenceRows(input)) {
    const r = resolvePrecedenceRoute(p, input, resolvedType, directory);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    precedence.push(r.value.route);
    if (r.value.ladder) ladder = r.value.ladder;
  }
  if (errors.length > 0) return fail(dedupe(errors));

  const routes = [...precedence, resolvedType!];
  const [primary, ...also] = routes;
  const explanation = [primary.explanation, ...also.map((r) => `同时${r.explanation}`)].join('；');
  return ok({ ...primary, explanation, alsoRoutes: also, escalationLadder: ladder });
}

/** The clause a ticket's type falls under, whatever the directory says. */
export function clauseForType(input: RoutingInput): Rule {
  return typeRow(input)?.rule ?? '4.1';
}

/**
 * The disposition a ticket carries: the proposal, or, when the agent overrides, the agent's
 * choice with the reason and the original proposal recorded. An override needs a non-empty
 * reason and a target in the directory (a direct answer may name none).
 */
export function decideDisposition(
  input: RoutingInput & { readonly override?: DispositionOverride | null },
  directory: Directory,
): Result<Disposition> {
  const proposal = proposeDisposition(input, directory);
  const override = input.override;
  if (!override) {
    if (!proposal.ok) return proposal;
    return ok({
      ...proposal.value,
      overridden: false,
      overrideReason: null,
      originalProposal: null,
    });
  }

  const errors: FieldError[] = [];
  const reason = typeof override.reason === 'string' ? override.reason.trim() : '';
  if (reason === '')
    errors.push({ field: 'override.reason', message: '改变系统建议的处理方式须说明理由' });
  let person: Person | undefined;
  if (override.targetId) {
    person = directory.person(override.targetId);
    if (!person)
      errors.push({
        field: 'override.targetId',
        message: `通讯录中未找到承办人：${override.targetId}`,
      });
  } else if (override.action !== 'direct_answer') {
    errors.push({
      field: 'override.targetId',
      message: '转办或层报须指定承办人（override.targetId）',
    });
  }
  if (errors.length > 0) return fail(errors);

  const rule: Rule =
    override.action === 'escalation'
      ? '4.8'
      : override.action === 'leadership_report'
        ? '4.7'
        : proposal.ok
          ? proposal.value.rule
          : clauseForType(input);
  const target = person ? targetOf(person) : null;
  let ladder: EscalationLevel[] | null = null;
  if (override.action === 'escalation' && person) {
    const seen = new Set<string>([person.id]);
    const department = person.departmentId ? directory.department(person.departmentId) : undefined;
    const second = people(
      directory,
      [department?.vicePresidentId ?? null, directory.court().presidentId],
      seen,
    );
    ladder = [{ level: 1, label: `${person.name}（座席员指定）`, people: [targetOf(person)] }];
    if (second.length > 0) ladder.push({ level: 2, label: '主管副院长、院长', people: second });
  }
  const original = proposal.ok ? proposal.value : null;
  return ok({
    action: override.action,
    rule,
    rowId: 'override',
    byAnalogy: false,
    target,
    departmentId: person?.departmentId ?? null,
    explanation: `座席员改变系统建议的处理方式，理由：${reason}${original ? `（系统建议：${original.explanation}）` : ''}`,
    alsoRoutes: [],
    escalationLadder: ladder,
    overridden: true,
    overrideReason: reason,
    originalProposal: original,
  });
}

/** `answer` is required when the disposition is a direct answer (API.md). */
export function answerErrors(
  input: Pick<CreateTicketInput, 'answer'>,
  disposition: Pick<Route, 'action'>,
): FieldError[] {
  if (disposition.action === 'direct_answer' && !input.answer?.trim()) {
    return [{ field: 'answer', message: '直接答复的工单须填写答复内容' }];
  }
  return [];
}
