/**
 * The people and departments a disposition names, found in the directory: a person as a
 * target, a department's head, the division responsible for a ticket (4.7, 4.8) and the 4.8
 * escalation ladder.
 */

import type { Department, Directory, Person } from './directory';
import type { EscalationLevel, Route, RoutingInput } from './disposition-model';
import type { DispositionTarget } from './disposition-types';
import { fail, ok, type Result } from './result';

/** A person as a disposition names them. */
export function targetOf(person: Person): DispositionTarget {
  return { id: person.id, name: person.name, role: person.role };
}

/** A department and its head, or an error on `field` naming what the directory lacks. */
export function departmentHead(
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

/**
 * The division responsible for a ticket (4.7, 4.8): the department of the case's presiding
 * judge when the case is known; else the department the ticket is transferred to; else the
 * department that runs the 12368 platform.
 */
export function responsibleDepartment(
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

/** The people of `ids` found in the directory, each once: skips those in `exclude`, adds those taken. */
export function people(
  directory: Directory,
  ids: readonly (string | null)[],
  exclude: Set<string>,
) {
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
