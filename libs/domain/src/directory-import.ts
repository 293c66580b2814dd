/**
 * Importing cases and people from a CSV file as a court's trial-process system (审判流程管理系统)
 * exports it: the bytes decoded (UTF-8 with or without BOM, else GBK/GB18030), the CSV parsed
 * (RFC 4180: quoted fields with commas, doubled quotes and line breaks; CRLF or LF), the
 * header's columns found by their Chinese names (a few synonyms each; other columns ignored),
 * and every row checked against the directory as it stands. Problems name the row as a
 * spreadsheet shows it (the header is row 1): `rows[3].案号`. The import is all-or-nothing: the
 * caller writes only when there is no problem at all.
 *
 * The steps live in their own modules: `csv-text.ts` (decoding, parsing), `import-table.ts`
 * (columns, rows, problems by row), `case-import.ts` and `people-import.ts` (the two files).
 */

import type { DirectoryData } from './directory';

export const DIRECTORY_IMPORT_KINDS = ['cases', 'people'] as const;
export type DirectoryImportKind = (typeof DIRECTORY_IMPORT_KINDS)[number];

/** Rows one file may hold (a court has hundreds of people and thousands of open cases). */
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportPlan<T> {
  /** The records of the file, in file order, as they will be stored. */
  readonly records: readonly T[];
  /** The whole directory after the import (for the directory-wide consistency check). */
  readonly data: DirectoryData;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}
