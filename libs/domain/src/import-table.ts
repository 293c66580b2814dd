/**
 * The table of a directory import file: the header's columns found by their Chinese names (a
 * few synonyms each; other columns ignored), the data rows read (values trimmed), and problems
 * named by the row as a spreadsheet shows it (the header is row 1): `rows[3].案号`.
 */

import { parseCsv } from './csv-text';
import { type DirectoryData, validateDirectoryData } from './directory';
import { MAX_IMPORT_ROWS } from './directory-import';
import { type FieldError, fail, ok, type Result } from './result';

export interface ColumnSpec<K extends string> {
  readonly key: K;
  /** The column's name as reported in errors (`rows[2].案号`). */
  readonly label: string;
  readonly synonyms: readonly string[];
  readonly required: boolean;
}

/** A header cell as compared with the synonyms: no spaces, no BOM, half-width. */
function headerKey(cell: string): string {
  return cell.replace(/[\s\ufeff]/g, '').replace(/[（）]/g, (b) => (b === '（' ? '(' : ')'));
}

type Rows<K extends string> = { line: number; values: Record<K, string> }[];

/** Finds the columns in the header and reads the data rows (values trimmed). */
export function readTable<K extends string>(
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

/** A problem's field in a row of the file: `rows[3].案号`. */
export function rowField(line: number, label: string): string {
  return `rows[${line}].${label}`;
}

/**
 * The directory-wide check of the imported snapshot (the same one the single-record edits
 * run); a problem with an imported record is reported against its row and column.
 */
export function directoryProblems(
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
