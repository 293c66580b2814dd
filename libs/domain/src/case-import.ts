/**
 * Importing cases (`案号,承办法官,案由`) from a trial-process system's CSV export, checked
 * against the directory as it stands (see `directory-import.ts`).
 */

import { normalizeCaseNumber, parseCaseNumber } from './case-number';
import type { CaseRecord, DirectoryData, Person } from './directory';
import type { ImportPlan } from './directory-import';
import { type ColumnSpec, directoryProblems, readTable, rowField } from './import-table';
import { charLength, type FieldError, fail, ok, type Result } from './result';

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
