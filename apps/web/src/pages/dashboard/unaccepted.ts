/**
 * 未签收: the transfers whose handler has not accepted (签收) them within the court's time to
 * accept (`ACCEPT_WITHIN`, default two working hours), from `GET /api/reports/unaccepted`. The
 * ticket list (/tickets) has no filter for it, so the count opens the list on the dashboard.
 */
import type { components } from '../../api/generated/reporting';

export type UnacceptedList = components['schemas']['UnacceptedListDto'];
export type UnacceptedTicket = components['schemas']['UnacceptedTicketDto'];

/** Tickets the dashboard lists (the count stays exact beyond). */
export const UNACCEPTED_LIST_LIMIT = 50;

/** The id of the list's heading, which the count links to. */
export const UNACCEPTED_ANCHOR = 'dash-unaccepted-title';

export const UNACCEPTED_TILE = {
  label: '未签收',
  hint: '转办后超过签收时限仍未签收',
  tone: 'warning',
} as const;

/** `2h` → `2个工作小时`, `90m` → `90个工作分钟`, `1wd` → `1个工作日` (ACCEPT_WITHIN as set). */
export function acceptWithinText(setting: string): string {
  const m = /^(\d+)(s|m|h|wd)$/.exec(setting.trim());
  if (!m) return setting;
  const unit = { s: '秒（工作时间）', m: '分钟（工作时间）', h: '个工作小时', wd: '个工作日' }[
    m[2] as 's' | 'm' | 'h' | 'wd'
  ];
  return `${m[1]}${unit}`;
}

/** How long past the time to accept, in clock time: `3天2小时`, `1小时5分`, `12分`, `不到1分`. */
export function pastDue(acceptBy: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(acceptBy)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return '不到1分';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`;
  if (hours > 0) return `${hours}小时${mins > 0 ? `${mins}分` : ''}`;
  return `${mins}分`;
}
