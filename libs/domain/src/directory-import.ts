/**
 * Importing cases and people from a CSV file as a court's trial-process system (审判流程管理系统)
 * exports it: the bytes decoded (UTF-8 with or without BOM, else GBK/GB18030), the CSV parsed
 * (RFC 4180: quoted fields with commas, doubled quotes and line breaks; CRLF or LF), the
 * header's columns found by their Chinese names (a few synonyms each; other columns ignored),
 * and every row checked against the directory as it stands. Problems name the row as a
 * spreadsheet shows it (the header is row 1): `rows[3].案号`. The import is all-or-nothing: the
 * caller writes only when there is no problem at all.
 */

import { normalizeCaseNumber, parseCaseNumber } from './case-number';
import {
  type CaseRecord,
  type DirectoryData,
  type Person,
  ROLE_LABELS,
  ROLES,
  type Role,
  validateDirectoryData,
} from './directory';
import { parsePhone } from './phone';
import { charLength, type FieldError, fail, ok, type Result } from './result';

export const DIRECTORY_IMPORT_KINDS = ['cases', 'people'] as const;
export type DirectoryImportKind = (typeof DIRECTORY_IMPORT_KINDS)[number];

/** Rows one file may hold (a court has hundreds of people and thousands of open cases). */
export const MAX_IMPORT_ROWS = 20_000;

export type TextEncodingName = 'utf-8' | 'gb18030';

/**
 * Decodes a file's bytes: valid UTF-8 (a BOM is dropped) is UTF-8; anything else is read as
 * GB18030, which includes GBK and GB2312 (what Excel saves as "CSV" on a Chinese Windows).
 */
export function decodeImportText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * Parses CSV text into records of fields (RFC 4180, lenient): comma-separated; a field in
 * double quotes may hold commas, line breaks and doubled quotes (`""`); records end with CRLF,
 * LF or CR. Blank lines are skipped; a leading BOM is dropped.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0] !== '' || fieldStarted) records.push(record);
    record = [];
    field = '';
    fieldStarted = false;
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0 || fieldStarted) endRecord();
  return records;
}

interface ColumnSpec<K extends string> {
  readonly key: K;
  /** The column's name as reported in errors (`rows[2].案号`). */
  readonly label: string;
  readonly synonyms: readonly string[];
  readonly required: boolean;
}

export const CASE_IMPORT_COLUMNS: readonly ColumnSpec<'number' | 'judge' | 'cause'>[] = [
  { key: 'number', label: '案号', synonyms: ['案号', '案件号', '案件编号'], required: true },
  {
    key: 'judge',
    label: '承办法官',
    synonyms: ['承办法官', '承办人', '承办法官工号', '审判长', '主审法官', '法官'],
    required: true,
  },
  { key: 'cause', label: '案由', synonyms: ['案由'], required: false },
];

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

/** A header cell as compared with the synonyms: no spaces, no BOM, half-width. */
function headerKey(cell: string): string {
  return cell.replace(/[\s\ufeff]/g, '').replace(/[（）]/g, (b) => (b === '（' ? '(' : ')'));
}

type Rows<K extends string> = { line: number; values: Record<K, string> }[];

/** Finds the columns in the header and reads the data rows (values trimmed). */
function readTable<K extends string>(
  text: string,
  columns: readonly ColumnSpec<K>[],
): Result<Rows<K>> {
  const records = parseCsv(text);
  if (records.length === 0) return fail([{ field: 'file', message: '文件为空' }]);
  const header = records[0]!.map(headerKey);
  const index = new Map<K, number>();
  const errors: FieldError[] = [];
  for (const column of columns) {
    const at = header.findIndex((h) => column.synonyms.includes(h));
    if (at >= 0) index.set(column.key, at);
    else if (column.required) {
      errors.push({
        field: 'header',
        message: `缺少“${column.label}”列（表头应含：${columns.map((c) => c.label).join('，')}）`,
      });
    }
  }
  if (errors.length > 0) return fail(errors);
  const data = records.slice(1);
  if (data.length === 0) return fail([{ field: 'file', message: '文件只有表头，没有数据行' }]);
  if (data.length > MAX_IMPORT_ROWS) {
    return fail([
      { field: 'file', message: `一次最多导入${MAX_IMPORT_ROWS}行，收到${data.length}行` },
    ]);
  }
  return ok(
    data.map((record, i) => {
      const values = {} as Record<K, string>;
      for (const column of columns) {
        const at = index.get(column.key);
        values[column.key] = at === undefined ? '' : (record[at] ?? '').trim();
      }
      return { line: i + 2, values };
    }),
  );
}

function rowField(line: number, label: string): string {
  return `rows[${line}].${label}`;
}

/** A person by id, else by name when exactly one person has it. */
function findPerson(
  people: readonly Person[],
  text: string,
): { ok: true; id: string } | { ok: false; message: string } {
  if (people.some((p) => p.id === text)) return { ok: true, id: text };
  const named = people.filter((p) => p.name === text);
  if (named.length === 1) return { ok: true, id: named[0]!.id };
  if (named.length > 1) {
    return {
      ok: false,
      message: `有${named.length}位人员名为“${text}”（${named.map((p) => p.id).join('、')}），请填写工号`,
    };
  }
  return { ok: false, message: `未知人员：${text}（应为通讯录中人员的工号或姓名）` };
}

export interface ImportPlan<T> {
  /** The records of the file, in file order, as they will be stored. */
  readonly records: readonly T[];
  /** The whole directory after the import (for the directory-wide consistency check). */
  readonly data: DirectoryData;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

function sameCase(a: CaseRecord, b: CaseRecord): boolean {
  return a.presidingJudgeId === b.presidingJudgeId && (a.cause ?? null) === (b.cause ?? null);
}

/**
 * Checks a cases file (`案号,承办法官,案由`) against the directory: every case number valid and
 * once only; the judge a person of the directory by id, or by name when the name is unique;
 * 案由 at most 100 characters. Cases already known are replaced (upsert by case number).
 */
export function planCaseImport(
  text: string,
  current: DirectoryData,
): Result<ImportPlan<CaseRecord>> {
  const table = readTable(text, CASE_IMPORT_COLUMNS);
  if (!table.ok) return table;
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const records: CaseRecord[] = [];
  for (const { line, values } of table.value) {
    const before = errors.length;
    let number: string | null = null;
    if (values.number === '') {
      errors.push({ field: rowField(line, '案号'), message: '案号不能为空' });
    } else {
      const parsed = parseCaseNumber(values.number);
      if (!parsed.ok) {
        errors.push({ field: rowField(line, '案号'), message: parsed.message });
      } else if (seen.has(parsed.value.normalized)) {
        errors.push({
          field: rowField(line, '案号'),
          message: `案号与第${seen.get(parsed.value.normalized)}行重复：${parsed.value.normalized}`,
        });
      } else {
        number = parsed.value.normalized;
        seen.set(number, line);
      }
    }
    let judgeId: string | null = null;
    if (values.judge === '') {
      errors.push({ field: rowField(line, '承办法官'), message: '承办法官不能为空' });
    } else {
      const judge = findPerson(current.people, values.judge);
      if (judge.ok) judgeId = judge.id;
      else errors.push({ field: rowField(line, '承办法官'), message: judge.message });
    }
    if (charLength(values.cause) > 100) {
      errors.push({ field: rowField(line, '案由'), message: '案由不能超过100个字' });
    }
    if (errors.length === before && number !== null && judgeId !== null) {
      records.push({
        number,
        presidingJudgeId: judgeId,
        ...(values.cause ? { cause: values.cause } : {}),
      });
    }
  }
  if (errors.length > 0) return fail(errors);

  const existing = new Map(
    current.cases.map((c) => [normalizeCaseNumber(c.number) ?? c.number, c]),
  );
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const record of records) {
    const old = existing.get(record.number);
    if (!old) created++;
    else if (sameCase(old, record)) unchanged++;
    else updated++;
  }
  const kept = current.cases.filter((c) => !seen.has(normalizeCaseNumber(c.number) ?? c.number));
  const data = { ...current, cases: [...kept, ...records] };
  const problems = directoryProblems(data, 'cases', kept.length, (i) => table.value[i]!.line, {
    number: '案号',
    presidingJudgeId: '承办法官',
  });
  if (problems.length > 0) return fail(problems);
  return ok({ records, data, created, updated, unchanged });
}

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

/**
 * The directory-wide check of the imported snapshot (the same one the single-record edits
 * run); a problem with an imported record is reported against its row and column.
 */
function directoryProblems(
  data: DirectoryData,
  list: 'cases' | 'people',
  firstImported: number,
  lineOf: (i: number) => number,
  labels: Record<string, string>,
): FieldError[] {
  return validateDirectoryData(data).map((e) => {
    const m = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(e.field);
    if (m && m[1] === list && Number(m[2]) >= firstImported) {
      const line = lineOf(Number(m[2]) - firstImported);
      return { field: rowField(line, labels[m[3]!] ?? m[3]!), message: e.message };
    }
    return e;
  });
}
