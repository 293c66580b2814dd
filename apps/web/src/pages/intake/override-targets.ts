/**
 * Whom an agent may hand a call to instead of the rules' proposal (`改派`), and how: a handler
 * (judge, department head) takes a transfer; a leader takes a report (4.7) or an escalation (4.8).
 */
import { ACTION_LABELS, type DispositionAction } from '../../lib/labels';

/** A person as `GET /api/directory` lists them. */
export interface DirectoryPerson {
  id: string;
  name: string;
  role: string;
  title?: string | null;
  departmentId?: string | null;
  departmentName?: string | null;
}

export interface DirectoryView {
  departments: { id: string; name: string }[];
  people: DirectoryPerson[];
}

const ACTIONS_BY_ROLE: Record<string, DispositionAction[]> = {
  handler: ['transfer'],
  leader: ['leadership_report', 'escalation'],
};

export function actionsFor(role: string | undefined): DispositionAction[] {
  return (role && ACTIONS_BY_ROLE[role]) || [];
}

export function defaultActionFor(role: string | undefined): DispositionAction | undefined {
  return actionsFor(role)[0];
}

export function actionOptions(role: string | undefined) {
  return actionsFor(role).map((value) => ({ value, label: ACTION_LABELS[value] }));
}

export interface TargetOption {
  value: string;
  label: string;
  /** What the agent may type to find the person: name, title, department. */
  search: string;
}

export interface TargetGroup {
  label: string;
  title: string;
  options: TargetOption[];
}

const NO_DEPARTMENT = '其他';

export function personLabel(person: DirectoryPerson): string {
  const where = person.title || person.departmentName;
  return where ? `${person.name}（${where}）` : person.name;
}

/** Handlers and leaders, grouped by department in the directory's order, people by name. */
export function targetGroups(directory: DirectoryView): TargetGroup[] {
  const order = new Map(directory.departments.map((d, i) => [d.id, i]));
  const groups = new Map<string, TargetOption[]>();
  const eligible = directory.people.filter((p) => actionsFor(p.role).length > 0);
  for (const person of eligible) {
    const group = person.departmentName || NO_DEPARTMENT;
    const options = groups.get(group) ?? [];
    options.push({
      value: person.id,
      label: personLabel(person),
      search: [person.name, person.title, person.departmentName].filter(Boolean).join(' '),
    });
    groups.set(group, options);
  }
  const rank = (name: string) => {
    const person = eligible.find((p) => (p.departmentName || NO_DEPARTMENT) === name);
    return order.get(person?.departmentId ?? '') ?? Number.MAX_SAFE_INTEGER;
  };
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'))
    .map(([label, options]) => ({
      label,
      title: label,
      options: options.sort((x, y) => x.label.localeCompare(y.label, 'zh-CN')),
    }));
}

export function findPerson(
  directory: DirectoryView | undefined,
  id: string | undefined,
): DirectoryPerson | undefined {
  return id ? directory?.people.find((p) => p.id === id) : undefined;
}
