import { isCivilDate, isIsoInstant, shanghaiInstant, toEpochMs } from '@court/domain';
import { badRequest } from './bad-request';

/**
 * The instant an extension asks for, as ISO: `until` is an ISO instant, or a date (the end of
 * that Shanghai day, 23:59). 400 when it is neither, or not later than `now`.
 */
export function extensionUntil(until: string, now: number = Date.now()): string {
  const ms = isCivilDate(until)
    ? shanghaiInstant(until, 24 * 60 - 1)
    : isIsoInstant(until)
      ? toEpochMs(until)
      : null;
  if (ms === null || ms <= now) {
    const message =
      ms === null
        ? '延期至应为日期或带时区的 ISO 时间，如 2026-12-10 或 2026-12-10T17:30:00+08:00'
        : '延期至的时间应晚于现在';
    throw badRequest([{ field: 'until', message }], message);
  }
  return new Date(ms).toISOString();
}
