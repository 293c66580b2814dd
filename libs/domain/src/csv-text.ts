/**
 * Reading a CSV file as a court's trial-process system (审判流程管理系统) exports it: the bytes
 * decoded (UTF-8 with or without BOM, else GBK/GB18030), the text parsed (RFC 4180: quoted
 * fields with commas, doubled quotes and line breaks; CRLF or LF).
 */

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
