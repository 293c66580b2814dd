/**
 * A bulletin's lists: the ledger fields a listed ticket is read with, the entry shown for it,
 * the lists grouped by department and by handler, and the in-app notices announcing it.
 */

import type { BulletinEntry, BulletinGroup, TicketLedgerDoc } from '@court/database';
import type { Notice } from '@court/notifications';
import type { DirectoryNames } from '@court/reporting';

/** The ledger fields a bulletin entry is made of. */
export const ENTRY_PROJECTION = {
  _id: 1,
  type: 1,
  status: 1,
  departmentId: 1,
  handlerId: 1,
  disposition: 1,
  receivedAt: 1,
  dispatchedAt: 1,
  deadlines: 1,
  overdueAt: 1,
  remindedAt: 1,
  reminders: 1,
  bulletinedAt: 1,
  feedback: 1,
} as const;

/** A listed ticket as the bulletin shows it. */
export function entryOf(doc: Partial<TicketLedgerDoc> & { _id: string }, names: DirectoryNames) {
  const target = (doc.disposition as { target?: { id: string; name: string } } | null)?.target;
  const handlerId = doc.handlerId ?? null;
  const departmentId = doc.departmentId ?? null;
  const entry: BulletinEntry = {
    id: doc._id,
    type: doc.type ?? '',
    typeLabel: names.type(doc.type ?? ''),
    status: doc.status ?? '',
    departmentId,
    departmentName: departmentId ? names.department(departmentId) : null,
    handlerId,
    handlerName: handlerId
      ? target?.id === handlerId
        ? target.name
        : names.person(handlerId)
      : null,
    receivedAt: doc.receivedAt ?? null,
    dispatchedAt: doc.dispatchedAt ?? null,
    feedbackBy: doc.deadlines?.feedbackBy ?? null,
    overdueAt: doc.overdueAt ?? null,
    remindedAt: doc.remindedAt ?? null,
    reminders: doc.reminders ?? 0,
    bulletinedAt: doc.bulletinedAt ?? null,
    feedbackAt: doc.feedback?.at ?? null,
  };
  return entry;
}

/** Groups the listed tickets by department and by handler (sorted by id, stable). */
export function groupEntries(
  bulletined: BulletinEntry[],
  overdue: BulletinEntry[],
  names: DirectoryNames,
): { byDepartment: BulletinGroup[]; byHandler: BulletinGroup[] } {
  const departments = new Map<string, BulletinGroup>();
  const handlers = new Map<string, BulletinGroup>();
  const groupOf = (
    map: Map<string, BulletinGroup>,
    id: string | null,
    make: () => BulletinGroup,
  ) => {
    const key = id ?? '';
    let group = map.get(key);
    if (!group) {
      group = make();
      map.set(key, group);
    }
    return group;
  };
  const place = (entry: BulletinEntry, list: 'bulletined' | 'overdue') => {
    groupOf(departments, entry.departmentId, () => ({
      id: entry.departmentId,
      name: entry.departmentId ? names.department(entry.departmentId) : '（未分配部门）',
      bulletined: [],
      overdue: [],
    }))[list].push(entry.id);
    groupOf(handlers, entry.handlerId, () => ({
      id: entry.handlerId,
      name: entry.handlerName ?? '（未分配承办人）',
      departmentId: entry.departmentId,
      bulletined: [],
      overdue: [],
    }))[list].push(entry.id);
  };
  for (const e of bulletined) place(e, 'bulletined');
  for (const e of overdue) place(e, 'overdue');
  const sorted = (map: Map<string, BulletinGroup>) =>
    [...map.values()].sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
  return { byDepartment: sorted(departments), byHandler: sorted(handlers) };
}

/** The in-app notices of a bulletin: each listed ticket to its department head and the supervisors. */
export function bulletinNotices(
  bulletinId: string,
  bulletined: BulletinEntry[],
  names: DirectoryNames,
): Notice[] {
  const notices: Notice[] = [];
  for (const entry of bulletined) {
    const head = entry.departmentId ? names.departmentHead(entry.departmentId) : null;
    for (const recipientId of new Set([head, 'group:supervisor'])) {
      if (!recipientId) continue;
      notices.push({
        key: `bulletin:${bulletinId}:${entry.id}:${recipientId}`,
        recipientId,
        kind: 'bulletin',
        facts: {
          ticketId: entry.id,
          typeLabel: entry.typeLabel,
          ...(entry.handlerName ? { handlerName: entry.handlerName } : {}),
        },
        sms: false,
        urgent: false,
      });
    }
  }
  return notices;
}
