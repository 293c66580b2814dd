/**
 * Which tickets wait on the signed-in person, and in what order. The list's rows carry no
 * escalation detail, so for escalations the inbox reads each escalated ticket to see whom it
 * was escalated to.
 */
import type { TicketListItem, TicketView } from '../../api/types';
import type { Role } from '../../lib/labels';
import { byUrgency } from '../../lib/lights';
import { AWAITING_FEEDBACK_STATUSES, escalationOf } from '../ticket/ticket-state';
import { lightInputOf } from '../tickets/list-item';

export interface InboxViewer {
  id: string;
  roles: readonly Role[];
  /** Departments this person heads: their tickets wait on the head too (Art. 7). */
  headOf: readonly string[];
}

export type InboxReason = 'addressed' | 'department' | 'escalation';

export const REASON_LABELS: Record<InboxReason, string> = {
  addressed: '转办给我',
  department: '本部门',
  escalation: '层报待确认',
};

export interface InboxRequest {
  reason: InboxReason;
  query: {
    status: string;
    targetId?: string;
    departmentId?: string;
    limit: number;
    page: number;
  };
}

/** The largest page the API gives. */
const LIMIT = 100;

export function mayHaveInbox(viewer: Pick<InboxViewer, 'roles'>): boolean {
  return viewer.roles.includes('handler') || viewer.roles.includes('leader');
}

/** The searches whose results may be waiting on this person. */
export function inboxRequests(viewer: InboxViewer): InboxRequest[] {
  if (!mayHaveInbox(viewer)) return [];
  const status = AWAITING_FEEDBACK_STATUSES.join(',');
  const requests: InboxRequest[] = [
    { reason: 'addressed', query: { status, targetId: viewer.id, limit: LIMIT, page: 1 } },
    ...viewer.headOf.map((departmentId) => ({
      reason: 'department' as const,
      query: { status, departmentId, limit: LIMIT, page: 1 },
    })),
  ];
  if (viewer.roles.includes('leader')) {
    requests.push({ reason: 'escalation', query: { status: 'escalated', limit: LIMIT, page: 1 } });
  }
  return requests;
}

export interface InboxRow {
  item: TicketListItem;
  reasons: InboxReason[];
  /** An escalation waiting for this person's acknowledgement. */
  awaitsAcknowledgement: boolean;
}

/**
 * The rows: each ticket once, with why it is here. An escalated ticket found by the
 * `escalation` search is kept only when its detail shows it was escalated to this person and
 * nobody has acknowledged it yet.
 */
export function inboxRows(
  viewer: Pick<InboxViewer, 'id'>,
  results: readonly { reason: InboxReason; items: readonly TicketListItem[] }[],
  details: ReadonlyMap<string, Pick<TicketView, 'escalation'>>,
): InboxRow[] {
  const rows = new Map<string, InboxRow>();
  for (const { reason, items } of results) {
    for (const item of items) {
      let awaitsAcknowledgement = false;
      if (reason === 'escalation') {
        const detail = details.get(item.id);
        const escalation = detail ? escalationOf(detail) : null;
        awaitsAcknowledgement =
          escalation !== null &&
          escalation.acknowledgedBy === null &&
          escalation.notified.includes(viewer.id);
        if (!awaitsAcknowledgement) continue;
      }
      const row = rows.get(item.id) ?? { item, reasons: [], awaitsAcknowledgement: false };
      if (!row.reasons.includes(reason)) row.reasons.push(reason);
      row.awaitsAcknowledgement ||= awaitsAcknowledgement;
      rows.set(item.id, row);
    }
  }
  // A ticket addressed to me is mine; that it is also my department's adds nothing.
  return [...rows.values()].map((row) =>
    row.reasons.includes('addressed')
      ? { ...row, reasons: row.reasons.filter((r) => r !== 'department') }
      : row,
  );
}

/**
 * Most urgent first: escalations waiting for my acknowledgement (they climb to the next level
 * within the half hour), then by light and nearest feedback deadline (byUrgency).
 */
export function sortInbox(rows: readonly InboxRow[], now: number): InboxRow[] {
  const urgency = byUrgency(now);
  return [...rows].sort(
    (a, b) =>
      Number(b.awaitsAcknowledgement) - Number(a.awaitsAcknowledgement) ||
      urgency(lightInputOf(a.item), lightInputOf(b.item)) ||
      a.item.id.localeCompare(b.item.id),
  );
}
