/**
 * Case numbers (案号), e.g. `(2026)豫0782民初1号`: the year in brackets, the court code
 * (province abbreviation + digits, or 最高法), the case-type code (民初, 执, 刑终 …), the
 * sequence number and 号. Callers and agents type the brackets full-width （） or ASCII (),
 * sometimes as 〔〕 or [], with stray spaces and full-width digits; all of these normalise to
 * the canonical form with ASCII parentheses that API.md shows.
 */

export interface CaseNumber {
  /** Canonical form: `(2026)豫0782民初1号`. */
  readonly normalized: string;
  readonly year: number;
  /** Court code: `豫0782`, `最高法`. */
  readonly court: string;
  /** Case-type code: `民初`, `执恢`. */
  readonly caseType: string;
  readonly sequence: number;
}

export type CaseNumberParseResult =
  | { readonly ok: true; readonly value: CaseNumber }
  | { readonly ok: false; readonly message: string };

export const CASE_NUMBER_FORMAT_HINT =
  '应为“(年份)法院代字+类型代字+序号+号”，如 (2026)豫0782民初1号';

const PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵军';
const CASE_NUMBER = new RegExp(
  `^\\((\\d{4})\\)(最高法|[${PROVINCES}](?:\\d{2}|\\d{4})?)([\\u4e00-\\u9fff]{1,6}?)(\\d{1,7})号$`,
);

/** Parses a case number and returns its canonical form and parts. */
export function parseCaseNumber(input: string): CaseNumberParseResult {
  if (typeof input !== 'string' || input.trim() === '') {
    return { ok: false, message: '案号不能为空' };
  }
  const text = input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[（〔［[【]/g, '(')
    .replace(/[）〕］\]】]/g, ')')
    .replace(/[\s\u3000]/g, '');
  const m = CASE_NUMBER.exec(text);
  if (!m) return { ok: false, message: `案号格式不正确：${CASE_NUMBER_FORMAT_HINT}` };
  const [, year, court, caseType, sequence] = m;
  const seq = Number(sequence);
  if (seq < 1) return { ok: false, message: `案号序号应从1开始：${CASE_NUMBER_FORMAT_HINT}` };
  return {
    ok: true,
    value: {
      normalized: `(${year})${court}${caseType}${seq}号`,
      year: Number(year),
      court,
      caseType,
      sequence: seq,
    },
  };
}

/** The canonical form of a case number, or null when it is not one. */
export function normalizeCaseNumber(input: string): string | null {
  const r = parseCaseNumber(input);
  return r.ok ? r.value.normalized : null;
}
