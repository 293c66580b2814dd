/**
 * Importing people (`工号,姓名,角色,职务,部门,手机号`) from a trial-process system's CSV export,
 * checked against the directory as it stands (see `directory-import.ts`).
 */

import { type DirectoryData, type Person, ROLE_LABELS, ROLES, type Role } from './directory';
import type { ImportPlan } from './directory-import';
import { type ColumnSpec, directoryProblems, readTable, rowField } from './import-table';
import { parsePhone } from './phone';
import { charLength, type FieldError, fail, ok, type Result } from './result';

export const PEOPLE_IMPORT_COLUMNS: readonly ColumnSpec<
  'id' | 'name' | 'role' | 'title' | 'department' | 'phone'
>[] = [
  { key: 'id', label: '工号', synonyms: ['工号', '人员编号', '编号', '账号'], required: true },
  { key: 'name', label: '姓名', synonyms: ['姓名', '名字'], required: true },
  { key: 'role', label: '角色', synonyms: ['角色', '系统角色'], required: true },
  { key: 'title', label: '职务', synonyms: ['职务', '职级'], required: false },
  { key: 'department', label: '部门', synonyms: ['部门', '所在部门', '庭室'], required: false },
  {
    key: 'phone',
    label: '手机号',
    synonyms: ['手机号', '手机', '手机号码', '电话', '联系电话', '办公电话'],
    required: true,
  },
];

/** 角色: the code (`handler`) or its Chinese label (承办人). */
function parseRole(text: string): Role | null {
  const lower = text.toLowerCase();
  if ((ROLES as readonly string[]).includes(lower)) return lower as Role;
  const entry = (Object.entries(ROLE_LABELS) as [Role, string][]).find(
    ([, label]) => label === text,
  );
  return entry ? entry[0] : null;
}

const PERSON_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function samePerson(a: Person, b: Person): boolean {
  return (
    a.name === b.name &&
    a.role === b.role &&
    a.title === b.title &&
    a.departmentId === b.departmentId &&
    a.phone === b.phone
  );
}

/**
 * Checks a people file (`工号,姓名,角色,职务,部门,手机号`) against the directory: 工号 as the
 * directory's ids (letters, digits, `._-`), once only; 姓名 1–50 characters; 角色 a role code or
 * its Chinese label; 职务 at most 100 characters; 部门 a department's id or its (unique) name, or
 * empty; 手机号 a valid phone (stored in normal form). People already known are replaced.
 */
export function planPeopleImport(text: string, current: DirectoryData): Result<ImportPlan<Person>> {
  const table = readTable(text, PEOPLE_IMPORT_COLUMNS);
  if (!table.ok) return table;
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const records: Person[] = [];
  const departmentOf = (
    value: string,
  ): { ok: true; id: string } | { ok: false; message: string } => {
    if (current.departments.some((d) => d.id === value)) return { ok: true, id: value };
    const named = current.departments.filter((d) => d.name === value);
    if (named.length === 1) return { ok: true, id: named[0]!.id };
    if (named.length > 1) return { ok: false, message: `有多个部门名为“${value}”，请填写部门编号` };
    return { ok: false, message: `未知部门：${value}` };
  };
  for (const { line, values } of table.value) {
    const before = errors.length;
    const err = (label: string, message: string) =>
      errors.push({ field: rowField(line, label), message });
    if (values.id === '') err('工号', '工号不能为空');
    else if (!PERSON_ID.test(values.id)) err('工号', '工号应为1-64位字母、数字、点、横线或下划线');
    else if (seen.has(values.id)) err('工号', `工号与第${seen.get(values.id)}行重复：${values.id}`);
    else seen.set(values.id, line);
    if (values.name === '') err('姓名', '姓名不能为空');
    else if (charLength(values.name) > 50) err('姓名', '姓名不能超过50个字');
    const role = parseRole(values.role);
    if (values.role === '') err('角色', '角色不能为空');
    else if (role === null) {
      err(
        '角色',
        `未知角色：${values.role}（应为 ${ROLES.map((r) => `${ROLE_LABELS[r]}/${r}`).join('、')} 之一）`,
      );
    }
    if (charLength(values.title) > 100) err('职务', '职务不能超过100个字');
    let departmentId: string | null = null;
    if (values.department !== '') {
      const department = departmentOf(values.department);
      if (department.ok) departmentId = department.id;
      else err('部门', department.message);
    }
    const phone = parsePhone(values.phone);
    if (!phone.ok) err('手机号', phone.message);
    if (errors.length === before && role !== null && phone.ok) {
      records.push({
        id: values.id,
        name: values.name,
        role,
        title: values.title,
        departmentId,
        phone: phone.value.normalized,
      });
    }
  }
  if (errors.length > 0) return fail(errors);

  const existing = new Map(current.people.map((p) => [p.id, p]));
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const record of records) {
    const old = existing.get(record.id);
    if (!old) created++;
    else if (samePerson(old, record)) unchanged++;
    else updated++;
  }
  const kept = current.people.filter((p) => !seen.has(p.id));
  const data = { ...current, people: [...kept, ...records] };
  const problems = directoryProblems(data, 'people', kept.length, (i) => table.value[i]!.line, {
    id: '工号',
    departmentId: '部门',
  });
  if (problems.length > 0) return fail(problems);
  return ok({ records, data, created, updated, unchanged });
}
