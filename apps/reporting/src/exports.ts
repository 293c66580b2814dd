import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { csvLine } from '@court/reporting';
import ExcelJS from 'exceljs';

export interface ExportColumn {
  header: string;
  key: string;
  width: number;
}

/**
 * Waits while `stream` asks to drain (the client, or the zip's compressor, is slower than the
 * database): bounded memory. Gives up when the client has gone (`out` closed).
 */
async function drained(stream: Writable | null, out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('client closed the connection');
  if (!stream || stream.destroyed) return;
  // Streams of the userland readable-stream package (archiver's) lack `writableNeedDrain`.
  const state = (stream as unknown as { _writableState?: { needDrain?: boolean } })._writableState;
  if (!(stream.writableNeedDrain ?? state?.needDrain)) return;
  const gone = new AbortController();
  try {
    await Promise.race([
      once(stream, 'drain', { signal: gone.signal }),
      once(out, 'close', { signal: gone.signal }),
    ]);
  } finally {
    gone.abort();
  }
  if (out.destroyed) throw new Error('client closed the connection');
}

/** How many rows an export is to hold (read model's count, known before the first row). */
export const LEDGER_ROWS_HEADER = 'X-Ledger-Rows';

/** `attachment; filename=…` with the Chinese name for browsers that read it (RFC 6266). */
export function attachment(asciiName: string, chineseName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`;
}

/**
 * CSV (UTF-8 with a BOM so that Excel reads the Chinese right), one line per row, written in
 * chunks as the rows come, waiting for the client when it falls behind.
 */
export async function writeCsv(
  out: Writable,
  columns: ExportColumn[],
  rows: AsyncIterable<(string | number)[]>,
): Promise<number> {
  let chunk = `\uFEFF${csvLine(columns.map((c) => c.header))}`;
  let count = 0;
  for await (const row of rows) {
    chunk += csvLine(row);
    count += 1;
    if (chunk.length >= 64 * 1024) {
      if (!out.write(chunk)) await drained(out, out);
      chunk = '';
    }
  }
  out.end(chunk);
  return count;
}

/**
 * Where exceljs pipes a worksheet's rows: the zip's compressor. exceljs never waits for it
 * (its StreamBuf always accepts), so rows produced faster than deflate compresses them would
 * pile up in memory (100 MB at 100 000 rows); waiting on it when it asks to drain keeps the
 * export bounded. Reaches into exceljs' internals, hence the care: without them, no waiting.
 */
function compressorOf(sheet: ExcelJS.Worksheet): Writable | null {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const sink = Array.isArray(pipes) ? pipes[0] : null;
  return sink && typeof (sink as Writable).once === 'function' ? (sink as Writable) : null;
}

/** The unstyled cells' style objects, one per kind of value (see shareStyles). */
const TEXT_STYLE = {};
const NUMBER_STYLE = {};

/**
 * Gives a data row's unstyled text and number cells one style object per kind: exceljs looks a
 * style object it has seen up by identity, and renders and hashes a fresh one (each cell's own
 * `{}`) to find its style id, the most of its time per cell. Same style ids, same file.
 */
function shareStyles(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    if (Object.keys(cell.style).length > 0) return;
    if (typeof cell.value === 'string') cell.style = TEXT_STYLE;
    else if (typeof cell.value === 'number') cell.style = NUMBER_STYLE;
  });
}

/**
 * An xlsx workbook streamed with exceljs' WorkbookWriter: each row is committed (written to
 * the zip stream) as it comes, so memory stays bounded whatever the number of rows.
 */
export async function writeXlsx(
  out: Writable,
  sheets: { name: string; columns: ExportColumn[]; rows: AsyncIterable<(string | number)[]> }[],
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '12368 诉讼服务热线工单系统';
  let count = 0;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const row of spec.rows) {
      const added = sheet.addRow(row);
      shareStyles(added);
      added.commit();
      count += 1;
      if (count % 100 === 0) {
        await drained(compressorOf(sheet), out);
        await drained(out, out);
      }
    }
    sheet.commit();
  }
  await workbook.commit();
  return count;
}
