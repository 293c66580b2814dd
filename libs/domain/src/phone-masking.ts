/**
 * Mainland mobiles (11 digits from 13–19), with an optional +86 / 86 / 0086 prefix and
 * spaces or hyphens between the 3-4-4 groups: 13812348000, +86 138-1234-8000, 138 1234 8000.
 */
const MOBILE = /(?<!\d)(?:(?:\+|00)?86[-\s]?)?(1[3-9]\d)[-\s]?\d{4}[-\s]?(\d{4})(?!\d)/g;

/**
 * Landlines: an area code (0 and 2–3 digits, bare or in half- or full-width parentheses) and
 * a 7–8 digit local number: 010-12345678, 0755-1234567, (010)12345678, 010 8765 4321.
 * Not inside a word or a hyphenated run, so that ids such as UUIDs stay whole.
 */
const LANDLINE =
  /(?<![\w-])([(（]0[1-9]\d{1,2}[)）]\s?|0[1-9]\d{1,2}[-\s]?)(\d{3,4}[-\s]?\d{4})(?![\w-])/g;

function maskLandline(whole: string, area: string, local: string): string {
  const digits = local.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 8) return whole;
  return `${area}****${digits.slice(-4)}`;
}

/**
 * Masks phone numbers in free text: mobiles to `138****8000`, landlines keep their area code
 * and last 4 digits (`010-****5678`).
 */
export function maskPhonesInText(text: string): string {
  if (!/\d{3}/.test(text)) return text;
  return text
    .replace(MOBILE, '$1****$2')
    .replace(LANDLINE, (whole, area: string, local: string) => maskLandline(whole, area, local));
}

/** A JSON string literal, or a bare JSON number of 10 to 13 digits (a phone kept as a number). */
const JSON_STRING_OR_LONG_NUMBER = /"(?:[^"\\]|\\.)*"|(?<=[:[,])\d{10,13}(?=[,\]}])/g;

/**
 * Masks phone numbers in one serialized JSON log line, in every string at any depth (message,
 * fields, error stacks) and in bare numbers that look like phones (which become masked
 * strings), keeping the line valid JSON.
 */
export function maskPhonesInJsonLine(line: string): string {
  if (!/\d{7}|\d[-\s)）]\d{3}/.test(line)) return line;
  return line.replace(JSON_STRING_OR_LONG_NUMBER, (token) => {
    if (token.startsWith('"')) return maskPhonesInText(token);
    const masked = maskPhonesInText(token);
    return masked === token ? token : `"${masked}"`;
  });
}
