/**
 * What the page shows of the lifecycle additions (签收, 进展说明, 退回, 改派, 延期): pure, no
 * React, so the words are unit-tested.
 */
import type { TicketView } from '../../api/types';
import { formatTime, fromShanghaiLocal, toShanghaiLocal } from '../../lib/time';
import { type DirectoryLookup, type DirectoryPerson, departmentName } from './directory';

type Reassignment = TicketView['reassignments'][number];
type Return = TicketView['returns'][number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Time lost to a misrouting: `3小时25分钟`, `40分钟`, `不足1分钟`. */
export function lostText(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < MINUTE) return '不足1分钟';
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (hours === 0) return `${minutes}分钟`;
  return minutes > 0 ? `${hours}小时${minutes}分钟` : `${hours}小时`;
}

/** `李明（民事审判庭）`: a handler with the department they handled it for. */
export function handlerText(
  directory: DirectoryLookup | undefined,
  person: { id: string; name: string } | null,
  departmentId: string | null,
): string {
  const department = departmentName(directory, departmentId);
  if (!person) return department || '—';
  return department ? `${person.name}（${department}）` : person.name;
}

export interface RouteChange {
  kind: 'returned' | 'reassigned';
  at: string | null;
  by: string;
  reason: string;
  /** For a reassignment: from → to, and the time lost. */
  from?: string;
  to?: string;
  lost?: string;
}

/** The returns and reassignments, oldest first, as the page lists them. */
export function routeChanges(
  ticket: { returns?: readonly Return[] | null; reassignments?: readonly Reassignment[] | null },
  directory: DirectoryLookup | undefined,
): RouteChange[] {
  const returns: RouteChange[] = (ticket.returns ?? []).map((r) => ({
    kind: 'returned',
    at: r.at,
    by: r.by,
    reason: r.reason,
  }));
  const reassignments: RouteChange[] = (ticket.reassignments ?? []).map((r) => ({
    kind: 'reassigned',
    at: r.at,
    by: r.by,
    reason: r.reason,
    from: handlerText(directory, r.from, r.fromDepartmentId),
    to: handlerText(directory, r.to, r.toDepartmentId),
    lost: lostText(r.lostMs),
  }));
  const time = (c: RouteChange) => Date.parse(c.at ?? '') || 0;
  return [...returns, ...reassignments].sort((a, b) => time(a) - time(b));
}

export interface HandlerOption {
  value: string;
  label: string;
  /** What may be typed to find the person: name, title, department. */
  search: string;
}

export interface HandlerGroup {
  label: string;
  title: string;
  options: HandlerOption[];
}

const NO_DEPARTMENT = '其他';

function personLabel(person: DirectoryPerson): string {
  const where = person.title || person.departmentName;
  return where ? `${person.name}（${where}）` : person.name;
}

/**
 * Whom a ticket may be reassigned to (改派对象): the handlers, grouped by department in the
 * directory's order, without the present handler.
 */
export function handlerGroups(
  directory: DirectoryLookup | undefined,
  excludeId: string | null,
): HandlerGroup[] {
  if (!directory) return [];
  const order = new Map(directory.departments.map((d, i) => [d.id, i]));
  const groups = new Map<string, { rank: number; options: HandlerOption[] }>();
  for (const person of directory.people) {
    if (person.role !== 'handler' || person.id === excludeId) continue;
    const label =
      person.departmentName ||
      (person.departmentId ? departmentName(directory, person.departmentId) : '') ||
      NO_DEPARTMENT;
    const group = groups.get(label) ?? {
      rank: order.get(person.departmentId ?? '') ?? Number.MAX_SAFE_INTEGER,
      options: [],
    };
    group.options.push({
      value: person.id,
      label: personLabel(person),
      search: [person.name, person.title, label].filter(Boolean).join(' '),
    });
    groups.set(label, group);
  }
  return [...groups]
    .sort(([a, x], [b, y]) => x.rank - y.rank || a.localeCompare(b, 'zh-CN'))
    .map(([label, group]) => ({
      label,
      title: label,
      options: group.options.sort((x, y) => x.label.localeCompare(y.label, 'zh-CN')),
    }));
}

const DAY = 24 * HOUR;

/** What `延期至` offers first: three days after the present feedback deadline (Shanghai time). */
export function defaultExtensionUntil(feedbackBy: string | null | undefined, now = Date.now()) {
  const base = Date.parse(feedbackBy ?? '');
  return toShanghaiLocal((Number.isNaN(base) ? now : base) + 3 * DAY);
}

/**
 * Why a `延期至` (a datetime-local value, Shanghai time) cannot be asked for, or null: it must be
 * a time, and later than the present feedback deadline.
 */
export function extensionUntilProblem(
  local: string | undefined,
  feedbackBy: string | null | undefined,
): string | null {
  if (!local) return '请选择延期至的时间';
  const until = fromShanghaiLocal(local);
  if (!until) return '请填写有效的时间';
  const due = Date.parse(feedbackBy ?? '');
  if (!Number.isNaN(due) && Date.parse(until) <= due) return '延期至须晚于当前反馈期限';
  return null;
}

/** The attachments' limit (API.md): 20 MB. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/** What the file picker offers (the API judges the type from the bytes). */
export const ATTACHMENT_ACCEPT =
  '.pdf,application/pdf,image/*,.doc,.docx,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.mp3,audio/mpeg,.wav,audio/wav';

const TOO_LARGE = '文件过大：附件不能超过 20 MB';
const NOT_ALLOWED = '文件类型不允许：只能上传 PDF、图片、Word 文档、MP3 或 WAV 录音';
const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** Why a file is refused before it is sent, or null. */
export function attachmentProblem(file: { size: number }): string | null {
  return file.size > ATTACHMENT_MAX_BYTES ? TOO_LARGE : null;
}

/**
 * An upload's error in Chinese: the API's own message when it has one in Chinese, else what
 * 413 (too large) and 415 (type not allowed) mean.
 */
export function uploadErrorText(status: number, message: string): string {
  if (HAS_CHINESE.test(message)) return message;
  if (status === 413) return TOO_LARGE;
  if (status === 415) return NOT_ALLOWED;
  return message;
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

/**
 * A timeline note as people read it: the instants the workflow writes into its notes
 * (`申请延期至 2026-12-04T09:00:00.000Z：…`) in Shanghai time (`2026-12-04 17:00`).
 */
export function readableNote(note: string): string {
  return note.replace(ISO_INSTANT, (instant) => formatTime(instant) || instant);
}
