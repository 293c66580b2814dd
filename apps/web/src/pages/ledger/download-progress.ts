/** The export's progress as text, and the name the file is saved under. */

export interface Progress {
  received: number;
  /** Content-Length when the server sent one (a streamed export usually does not). */
  total: number | null;
  /** The rows the export is to hold (X-Ledger-Rows), when the server sent them. */
  rows?: number | null;
}

/**
 * Bytes of the zipped workbook per ledger row, as measured (`npm run bench:reporting`: about
 * 130): the rows done are estimated from the bytes received, the workbook being zipped as it
 * is written.
 */
export const XLSX_BYTES_PER_ROW = 130;

/** The rows done, estimated from the bytes received; never all of them before the end. */
export function rowsDone(progress: Progress): number | null {
  if (!progress.rows || progress.rows <= 0) return null;
  return Math.min(progress.rows - 1, Math.floor(progress.received / XLSX_BYTES_PER_ROW));
}

/** `1.5 MB`, `820 KB`, `12 字节`. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** 0–100 when the size or the rows are known, else null (the bar then shows activity only). */
export function percentOf(progress: Progress): number | null {
  if (progress.total && progress.total > 0) {
    return Math.min(100, Math.floor((progress.received / progress.total) * 100));
  }
  const done = rowsDone(progress);
  return done === null ? null : Math.floor((done / progress.rows!) * 100);
}

export function progressText(progress: Progress): string {
  const received = sizeText(progress.received);
  const percent = percentOf(progress);
  if (percent === null) return `已接收 ${received}`;
  if (progress.total) return `已接收 ${received} / ${sizeText(progress.total)}（${percent}%）`;
  return `已导出约 ${rowsDone(progress)} / ${progress.rows} 行（${percent}%）`;
}

/** A header's positive whole number (a size or a count), or null when absent or not one. */
function positiveCount(header: string | null): number | null {
  const n = Number(header ?? '');
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** X-Ledger-Rows as a number of rows, or null when absent, not a count, or none. */
export const expectedRows = positiveCount;

/** Content-Length as a number, or null when absent or not a size. */
export const contentLength = positiveCount;

/** `台账-2026-12-02.xlsx`; with a range `台账-2026-11-01至2026-11-30.xlsx`. */
export function ledgerFileName(
  today: string,
  range: { from?: string; to?: string } = {},
  extension = 'xlsx',
): string {
  const span = range.from || range.to ? `${range.from ?? '起'}至${range.to ?? today}` : today;
  return `台账-${span}.${extension}`;
}
