/** The voicemail queue (Art. 6): what still has to be logged, the most pressing first. */
import type { Voicemail } from '../../api/types';

export const VOICEMAIL_STATUS_LABELS: Record<string, string> = {
  waiting: '等待处理',
  due: '应处理',
  logged: '已登记',
  overdue: '已超期',
};

/** Not yet logged: overdue ones too, which need logging most of all. */
export const QUEUE_STATUSES = ['overdue', 'due', 'waiting'] as const;

const RANK: Record<string, number> = { overdue: 0, due: 1, waiting: 2 };

/** Overdue, then due, then waiting; within each the earliest `dueAt` first. */
export function queueOrder(items: readonly Voicemail[]): Voicemail[] {
  const due = (v: Voicemail) => Date.parse(v.dueAt ?? '') || Number.POSITIVE_INFINITY;
  return [...items].sort(
    (a, b) => (RANK[a.status] ?? 3) - (RANK[b.status] ?? 3) || due(a) - due(b),
  );
}

/**
 * The same voicemail can be in two lists while its status moves on: keep the first seen (the
 * lists are read in QUEUE_STATUSES order, the most advanced status first).
 */
export function uniqueById(items: readonly Voicemail[]): Voicemail[] {
  const byId = new Map<string, Voicemail>();
  for (const v of items) if (!byId.has(v.id)) byId.set(v.id, v);
  return [...byId.values()];
}

export function intakeLinkFor(voicemailId: string): string {
  return `/intake?voicemailId=${encodeURIComponent(voicemailId)}`;
}
