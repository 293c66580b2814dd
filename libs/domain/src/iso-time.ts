/** A stored instant as API.md writes it: ISO 8601 in UTC; null for nothing or an invalid date. */
export function isoTime(value: Date | string | number): string;
export function isoTime(value: unknown): string | null;
export function isoTime(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date =
    value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
