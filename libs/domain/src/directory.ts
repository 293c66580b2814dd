/**
 * The court directory: departments, people and cases, and the special departments of
 * Article 4. The domain defines the shape and a synchronous lookup interface; a court's
 * directory is small (hundreds of people), so storage loads it as a `DirectoryData`
 * snapshot and builds the in-memory `Directory` below, which keeps the rule table a pure
 * function.
 */

import { normalizeCaseNumber } from './case-number';
import type { FieldError } from './result';

/** Account roles (API.md) plus `telephony`, the telephony side's account (posts voicemails). */
export const ROLES = ['agent', 'handler', 'supervisor', 'leader', 'admin', 'telephony'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  agent: '座席员',
  handler: '承办人',
  supervisor: '诉讼服务中心负责人',
  leader: '院领导',
  admin: '平台管理员',
  telephony: '电话系统',
};

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** 职务, e.g. 审判员、副庭长、立案庭庭长. */
  readonly title: string;
  readonly departmentId: string | null;
  /** Work phone, normal form (see phone.ts). */
  readonly phone: string;
}

export interface Department {
  readonly id: string;
  readonly name: string;
  /** 部门负责人: receives transferred tickets and reminders (催办). */
  readonly headId: string;
  /** 主管副庭长 (4.8 first level), when the department has one. */
  readonly viceChiefId: string | null;
  /** 庭长 (4.8 first level), when the department has one. */
  readonly chiefId: string | null;
  /** 主管副院长 (4.7, 4.8 second level). */
  readonly vicePresidentId: string | null;
}

export interface CaseRecord {
  /** Canonical case number, e.g. `(2026)豫0782民初1号`. */
  readonly number: string;
  /** 承办法官. */
  readonly presidingJudgeId: string;
  /** 案由, for display. */
  readonly cause?: string;
}

/** The departments Article 4 names, by department id. */
export interface SpecialDepartments {
  /** 4.3 信访部门. */
  readonly petition: string;
  /** 4.5 立案诉讼服务部门. */
  readonly filing: string;
  /** 4.5 执行监督部门. */
  readonly enforcementSupervision: string;
  /** 4.6 违法违纪举报中心. */
  readonly violationsReporting: string;
  /** 4.7, 4.8 院领导. */
  readonly leadership: string;
  /** The department that runs the 12368 platform (its agents' chain of command). */
  readonly hotline: string;
}

export interface Court {
  readonly name: string;
  /** 院长. */
  readonly presidentId: string;
}

/** A directory as plain, JSON-serialisable data (seed files, storage snapshots, tests). */
export interface DirectoryData {
  readonly court: Court;
  readonly special: SpecialDepartments;
  readonly departments: readonly Department[];
  readonly people: readonly Person[];
  readonly cases: readonly CaseRecord[];
}

/** Lookups the rule table and the services need. */
export interface Directory {
  court(): Court;
  special(): SpecialDepartments;
  department(id: string): Department | undefined;
  person(id: string): Person | undefined;
  /** By case number in any accepted spelling (brackets full-width or ASCII). */
  caseByNumber(caseNumber: string): CaseRecord | undefined;
  /** The presiding judge of a case, when the case and the judge are known. */
  presidingJudge(caseNumber: string): Person | undefined;
  departments(): readonly Department[];
  people(): readonly Person[];
  cases(): readonly CaseRecord[];
}

/** Problems in directory data: duplicate ids, dangling references, bad case numbers. */
export function validateDirectoryData(data: DirectoryData): FieldError[] {
  const errors: FieldError[] = [];
  const people = new Map<string, Person>();
  const departments = new Map<string, Department>();
  data.people.forEach((p, i) => {
    if (people.has(p.id))
      errors.push({ field: `people[${i}].id`, message: `人员编号重复：${p.id}` });
    people.set(p.id, p);
  });
  data.departments.forEach((d, i) => {
    if (departments.has(d.id)) {
      errors.push({ field: `departments[${i}].id`, message: `部门编号重复：${d.id}` });
    }
    departments.set(d.id, d);
  });
  const needPerson = (field: string, id: string | null) => {
    if (id !== null && !people.has(id)) errors.push({ field, message: `未知人员：${id}` });
  };
  const needDepartment = (field: string, id: string | null) => {
    if (id !== null && !departments.has(id)) errors.push({ field, message: `未知部门：${id}` });
  };
  needPerson('court.presidentId', data.court.presidentId);
  for (const [key, id] of Object.entries(data.special)) needDepartment(`special.${key}`, id);
  data.departments.forEach((d, i) => {
    needPerson(`departments[${i}].headId`, d.headId);
    needPerson(`departments[${i}].viceChiefId`, d.viceChiefId);
    needPerson(`departments[${i}].chiefId`, d.chiefId);
    needPerson(`departments[${i}].vicePresidentId`, d.vicePresidentId);
  });
  data.people.forEach((p, i) => {
    needDepartment(`people[${i}].departmentId`, p.departmentId);
  });
  const seen = new Set<string>();
  data.cases.forEach((c, i) => {
    const normalized = normalizeCaseNumber(c.number);
    if (normalized === null) {
      errors.push({ field: `cases[${i}].number`, message: `案号格式不正确：${c.number}` });
    } else if (seen.has(normalized)) {
      errors.push({ field: `cases[${i}].number`, message: `案号重复：${c.number}` });
    } else {
      seen.add(normalized);
    }
    needPerson(`cases[${i}].presidingJudgeId`, c.presidingJudgeId);
  });
  return errors;
}

/** Builds the in-memory directory. Throws when the data is inconsistent. */
export function createDirectory(data: DirectoryData): Directory {
  const errors = validateDirectoryData(data);
  if (errors.length > 0) {
    throw new Error(`通讯录数据有误：${errors.map((e) => `${e.field} ${e.message}`).join('；')}`);
  }
  const people = new Map(data.people.map((p) => [p.id, p]));
  const departments = new Map(data.departments.map((d) => [d.id, d]));
  const cases = new Map(
    data.cases.map((c) => {
      const record = { ...c, number: normalizeCaseNumber(c.number)! };
      return [record.number, record] as const;
    }),
  );
  const caseByNumber = (caseNumber: string) => {
    const normalized = normalizeCaseNumber(caseNumber);
    return normalized === null ? undefined : cases.get(normalized);
  };
  return {
    court: () => data.court,
    special: () => data.special,
    department: (id) => departments.get(id),
    person: (id) => people.get(id),
    caseByNumber,
    presidingJudge: (caseNumber) => {
      const record = caseByNumber(caseNumber);
      return record ? people.get(record.presidingJudgeId) : undefined;
    },
    departments: () => [...departments.values()],
    people: () => [...people.values()],
    cases: () => [...cases.values()],
  };
}
