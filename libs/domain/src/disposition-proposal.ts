/**
 * The rule engine of Article 4: from a ticket and the directory to a proposed disposition
 * (action, clause, target, explanation in the court's words).
 *
 * A target that cannot be determined is a validation error naming what is missing (e.g. the
 * 案号 for a rule that needs the presiding judge), never a guess.
 */

import type { Directory, Person } from './directory';
import {
  departmentHead,
  escalationLadder,
  responsibleDepartment,
  targetOf,
} from './directory-targets';
import type {
  DispositionProposal,
  EscalationLevel,
  Route,
  RoutingInput,
} from './disposition-model';
import { type Rule, ruleName } from './disposition-types';
import { type FieldError, fail, ok, type Result } from './result';
import { matchesCondition, RULE_TABLE, type RuleRow } from './rule-table';

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
