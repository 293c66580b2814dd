/**
 * Mainland China phone numbers as callers give them: mobiles (1[3-9] + 9 digits, optionally
 * with +86 / 86 / 0086) and landlines (area code 0xx or 0xxx, optional separator, a 7–8 digit
 * local number, optional extension). Spaces, dashes, dots and brackets are tolerated.
 *
 * Normal forms: mobile `13800138000`; landline `0371-63211234`, with extension
 * `0371-63211234-808`.
 */

export type PhoneKind = 'mobile' | 'landline';

export interface PhoneNumber {
  readonly kind: PhoneKind;
  /** The normal form stored on the ticket and searched by. */
  readonly normalized: string;
  /** Landlines only: area code with its leading 0 (`0371`). */
  readonly areaCode?: string;
  /** Landlines only: the local number (`63211234`). */
  readonly local?: string;
  /** Landlines only, when given: the extension (`808`). */
  readonly extension?: string;
}

export type PhoneParseResult =
  | { readonly ok: true; readonly value: PhoneNumber }
  | { readonly ok: false; readonly message: string };

export const PHONE_FORMAT_HINT =
  '应为大陆手机号（如 13800138000，可带 +86）或固定电话（区号+号码，如 0371-63211234，可带分机号）';

const MOBILE = /^1[3-9]\d{9}$/;
/** Area codes: 010, 02x (3 digits with the 0) and 03xx–09xx (4 digits with the 0). */
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))([2-9]\d{6,7})$/;
const EXTENSION_SPLIT = /(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;

/** Parses and normalises a phone number. */
export function parsePhone(input: string): PhoneParseResult {
  const bad = { ok: false as const, message: `电话号码格式不正确：${PHONE_FORMAT_HINT}` };
  if (typeof input !== 'string') return bad;
  let text = toHalfWidth(input).trim();
  if (text === '') return { ok: false, message: '电话号码不能为空' };

  // An extension written with a word (转, ext, x, #) is split off first.
  let extension: string | undefined;
  const ext = EXTENSION_SPLIT.exec(text);
  if (ext) {
    extension = ext[1];
    text = text.slice(0, ext.index);
  }
  if (!/^[+\d\s\-().]+$/.test(text)) return bad;

  let international = false;
  let compact = text.replace(/[\s().]/g, '');
  if (compact.startsWith('+86')) {
    international = true;
    compact = compact.slice(3);
  } else if (compact.startsWith('0086')) {
    international = true;
    compact = compact.slice(4);
  } else if (/^86-?1[3-9]/.test(compact) && compact.replace(/-/g, '').length === 13) {
    international = true;
    compact = compact.slice(2);
  }
  if (compact.includes('+')) return bad;
  compact = compact.replace(/^-/, '');

  const groups = compact.split('-').filter((g) => g !== '');
  const digits = groups.join('');

  if (extension === undefined && MOBILE.test(digits)) {
    return { ok: true, value: { kind: 'mobile', normalized: digits } };
  }

  // Landline. From abroad the area code is written without its 0 (+86 371 …).
  let national = digits;
  if (international && !national.startsWith('0')) national = `0${national}`;
  // A dash after the local number introduces an extension: 0371-63211234-808.
  if (extension === undefined && groups.length >= 2) {
    const last = groups[groups.length - 1];
    const rest = groups.slice(0, -1).join('');
    const restNational = international && !rest.startsWith('0') ? `0${rest}` : rest;
    if (!LANDLINE.test(national) && LANDLINE.test(restNational) && /^\d{1,6}$/.test(last)) {
      national = restNational;
      extension = last;
    }
  }
  const m = LANDLINE.exec(national);
  if (!m) return bad;
  const [, areaCode, local] = m;
  const normalized = `${areaCode}-${local}${extension ? `-${extension}` : ''}`;
  return {
    ok: true,
    value: { kind: 'landline', normalized, areaCode, local, ...(extension ? { extension } : {}) },
  };
}

/** The normal form of a phone number, or null when it is not one. */
export function normalizePhone(input: string): string | null {
  const r = parsePhone(input);
  return r.ok ? r.value.normalized : null;
}

/**
 * Masks a phone number for logs, search attributes and list views. Never throws and never
 * returns more than the last four digits of something it cannot parse.
 * - mobile `13800138000` → `138****8000`
 * - landline `0371-63211234-808` → `0371-****1234` (the extension is dropped)
 */
export function maskPhone(input: string | null | undefined): string {
  if (typeof input !== 'string' || input.trim() === '') return '';
  const parsed = parsePhone(input);
  if (parsed.ok) {
    const { value } = parsed;
    if (value.kind === 'mobile') {
      return `${value.normalized.slice(0, 3)}****${value.normalized.slice(-4)}`;
    }
    return `${value.areaCode}-****${value.local!.slice(-4)}`;
  }
  const digits = toHalfWidth(input).replace(/\D/g, '');
  if (digits.length <= 4) return '****';
  return `****${digits.slice(-4)}`;
}

/** Full-width digits and symbols (０-９，＋，－，（）) to ASCII. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
